/**
 * Inbox rows for function tests, written as the superuser the way ingestion writes them: messages
 * go through the messages trigger, so conversations get their preview, unread count and window
 * exactly as in production.
 */
import assert from "node:assert/strict";
import { conversationListResponseSchema } from "../../shared/src/contracts/inbox-conversations.ts";
import { uniqueSuffix } from "./tenants.ts";
import { callFunction, type Workspace } from "./workspace.ts";

const HOUR = 3_600_000;

/** A channel account without a token (reads never need one). */
export async function addChannelAccount(
  workspace: Workspace,
  platform: "instagram" | "facebook" = "instagram",
): Promise<string> {
  const suffix = uniqueSuffix();
  const [row] = await workspace.sql<{ id: string }[]>`
    insert into public.channel_accounts (imo_id, platform, auth_path, external_account_id, username)
    values (${workspace.imoId}, ${platform},
      ${platform === "instagram" ? "instagram_login" : "facebook_login"}, ${`acct-${suffix}`},
      ${`account.${suffix}`})
    returning id`;
  return row!.id;
}

/** A contact's thread whose last message came from the contact `hoursAgo` hours ago. */
export async function addThread(
  workspace: Workspace,
  channelAccountId: string,
  input: { username: string; displayName?: string; text?: string; hoursAgo?: number },
): Promise<{ conversationId: string; contactId: string; messageId: string }> {
  const [contact] = await workspace.sql<{ id: string }[]>`
    insert into public.contacts (imo_id, channel_account_id, external_id, username, display_name)
    values (${workspace.imoId}, ${channelAccountId}, ${`igsid-${uniqueSuffix()}`},
      ${input.username}, ${input.displayName ?? null})
    returning id`;
  const [conversation] = await workspace.sql<{ id: string }[]>`
    insert into public.conversations (imo_id, channel_account_id, contact_id)
    values (${workspace.imoId}, ${channelAccountId}, ${contact!.id}) returning id`;
  const messageId = await addMessage(workspace, conversation!.id, {
    text: input.text ?? `Hello from ${input.username}`,
    at: new Date(Date.now() - (input.hoursAgo ?? 0) * HOUR),
  });
  return { conversationId: conversation!.id, contactId: contact!.id, messageId };
}

/**
 * One message in a thread: inbound from the contact unless `authorUserId` names a member. Its AI
 * queue job is dropped in the same transaction: a drain running for another test would otherwise
 * analyse it at any moment, an extra conversation update and broadcast the test did not make.
 */
export async function addMessage(
  workspace: Workspace,
  conversationId: string,
  input: {
    text: string;
    at?: Date;
    authorUserId?: string;
    status?: "draft" | "pending" | "sent" | "delivered" | "read" | "failed";
    replyToMessageId?: string;
  },
): Promise<string> {
  const outbound = input.authorUserId !== undefined;
  return await workspace.sql.begin(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
    insert into public.messages (imo_id, channel_account_id, conversation_id, external_id,
      direction, author_kind, author_user_id, text, status, sent_at, reply_to_message_id)
    select c.imo_id, c.channel_account_id, c.id,
      ${input.status === "draft" || input.status === "pending" ? null : `mid.${uniqueSuffix()}`},
      ${outbound ? "outbound" : "inbound"}, ${outbound ? "user" : "contact"},
      ${input.authorUserId ?? null}, ${input.text}, ${
      input.status ?? (outbound ? "sent" : "delivered")
    },
      ${input.at ?? new Date()}, ${input.replyToMessageId ?? null}
    from public.conversations c where c.id = ${conversationId}
    returning id`;
    await tx`delete from public.ai_analysis_jobs where message_id = ${row!.id}`;
    return row!.id;
  });
}

/** The Instagram inbox as the member sees it over HTTP; `query` adds filters ("&unread=true"). */
export async function listInbox(workspace: Workspace, query = "") {
  const response = await callFunction(
    workspace,
    `instagram-get-conversations?imo_id=${workspace.imoId}${query}`,
  );
  assert.equal(response.status, 200, await response.clone().text());
  return conversationListResponseSchema.parse(await response.json());
}
