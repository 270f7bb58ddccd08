/**
 * Conversations the Send API can answer, for send tests: a sandbox account connected to the
 * workspace and subscribed to webhooks, and a lead whose DM went through the sandbox (so Meta's
 * side knows the window) and through ingestion (so ours does), at a chosen age.
 */
import {
  type SendMessageRequest,
  sendMessageResponseSchema,
} from "../../shared/src/contracts/send-message.ts";
import { WEBHOOK_FIELDS } from "../../supabase/functions/_shared/meta/meta-config.ts";
import { connectSandboxAccount } from "./connected-account.ts";
import { eventually } from "./eventually.ts";
import { sandbox } from "./meta-sandbox-client.ts";
import { signedInClient } from "./platform-env.ts";
import { uniqueSuffix } from "./tenants.ts";
import { callFunction, type Workspace } from "./workspace.ts";

const MINUTE = 60_000;

export type SandboxThread = Awaited<ReturnType<typeof sandboxThread>>;

/** A connected account (with or without Meta's Human Agent feature) and a lead who wrote to it. */
export async function sandboxThread(
  workspace: Workspace,
  input: {
    minutesAgo?: number;
    humanAgent?: boolean;
    loginPath?: "instagram_login" | "facebook_login";
  } = {},
) {
  const account = await connectSandboxAccount(workspace, {
    humanAgent: input.humanAgent,
    loginPath: input.loginPath,
  });
  await workspace.sql`update public.channel_accounts
    set human_agent_permission = ${input.humanAgent ?? false} where id = ${account.accountId}`;
  await sandbox(`accounts/${account.igAccountId}`, { subscribedFields: WEBHOOK_FIELDS }, "PATCH");
  const conversation = await leadWrites(workspace, account, input.minutesAgo ?? 5);
  return { account, ...conversation };
}

/** Another lead of the same account writes, `minutesAgo` minutes ago; its conversation once stored. */
export async function leadWrites(
  workspace: Workspace,
  account: { igAccountId: string; accountId: string },
  minutesAgo: number,
) {
  const lead = await sandbox<{ id: string }>("leads", {
    username: `lead.${uniqueSuffix()}`,
    name: "Maya Okafor",
  });
  const dm = await sandbox<{ igsid: string }>(`leads/${lead.id}/messages`, {
    account: account.igAccountId,
    text: "Hi, is the recruiter role still open?",
    at: Date.now() - minutesAgo * MINUTE,
  });
  const conversationId = await eventually(
    async () => {
      const [row] = await workspace.sql<{ id: string }[]>`
      select c.id from public.conversations c join public.contacts k on k.id = c.contact_id
      where k.channel_account_id = ${account.accountId} and k.external_id = ${dm.igsid}
        and c.last_inbound_at is not null`;
      return row?.id;
    },
    "the lead's DM was ingested",
    15_000,
  );
  return { conversationId, leadId: lead.id, igsid: dm.igsid };
}

export interface SentRecord {
  recipientId: string;
  tag?: string;
  messagingType?: string;
  body: { message?: { text?: string; attachment?: { type: string; payload: { url: string } } } };
  outcome: { ok: boolean; mid?: string; code?: number };
}

/** What the sandbox's Send API was asked from this account (faults injected before it are not). */
export const sentFrom = (account: { igAccountId: string }) =>
  sandbox<SentRecord[]>(`sent?account=${account.igAccountId}`);

/** A second signed-in member of the workspace's IMO. */
export async function addMember(workspace: Workspace, role: "owner" | "admin" | "recruiter") {
  const { user, session } = await signedInClient(`member-${role}`);
  await workspace.sql`insert into public.imo_members (imo_id, user_id, role)
    values (${workspace.imoId}, ${user.id}, ${role})`;
  return { userId: user.id, accessToken: session.access_token };
}

export type Caller = Pick<Workspace, "accessToken">;

/** POSTs instagram-send-message as `caller`, with a fresh idempotency key unless one is given. */
export async function send(caller: Caller, body: Partial<SendMessageRequest>) {
  const response = await callFunction(caller, "instagram-send-message", {
    body: { client_message_id: crypto.randomUUID(), ...body },
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => sendMessageResponseSchema.parse(JSON.parse(text)),
    error: () => JSON.parse(text).error as { code: string; details: Record<string, unknown> },
  };
}

/** The conversation's outbound messages, oldest first. */
export async function outboundRows(workspace: Workspace, conversationId: string) {
  return [
    ...await workspace.sql<
      { id: string; author_kind: string; author_user_id: string | null; status: string }[]
    >`
    select id, author_kind::text, author_user_id, status::text from public.messages
    where conversation_id = ${conversationId} and direction = 'outbound' order by sent_at`,
  ];
}
