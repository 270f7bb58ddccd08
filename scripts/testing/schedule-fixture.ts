/**
 * For automation tests: the scheduled-messages function as a member calls it, a lead writing
 * again (which releases or cancels scheduled messages), and the rows and sends to check.
 */
import type { CreateScheduledMessage } from "../../shared/src/contracts/scheduled-messages.ts";
import { eventually } from "./eventually.ts";
import { sandbox } from "./meta-sandbox-client.ts";
import { platformEnv } from "./platform-env.ts";
import { sentFrom } from "./send-fixture.ts";
import { callFunction, type Workspace } from "./workspace.ts";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Calls scheduled-messages as `caller`; `json()` is the body, `error()` the API error. */
export async function scheduleCall(
  caller: Pick<Workspace, "accessToken">,
  path: string,
  init: { method?: string; body?: unknown } = {},
) {
  const response = await callFunction(caller, `scheduled-messages${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    // deno-lint-ignore no-explicit-any
    json: () => JSON.parse(text) as any,
    error: () => JSON.parse(text).error as { code: string; details: Record<string, unknown> },
  };
}

/** POST /scheduled-messages; the created row's id, or the failed call. */
export const schedule = (caller: Pick<Workspace, "accessToken">, body: CreateScheduledMessage) =>
  scheduleCall(caller, "", { body });

/** POSTs an automation function with the service role key, as pg_cron's call (or an operator) does. */
export function asScheduler(name: string, body: unknown) {
  const { url, serviceRoleKey } = platformEnv();
  return fetch(`${url}/functions/v1/${name}`, {
    method: "POST",
    headers: { authorization: `Bearer ${serviceRoleKey}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** The lead writes again now; resolves once the message is stored. */
export async function leadWritesAgain(
  workspace: Workspace,
  thread: { leadId: string; account: { igAccountId: string }; conversationId: string },
  text = "Actually, one more question",
) {
  await sandbox(`leads/${thread.leadId}/messages`, {
    account: thread.account.igAccountId,
    text,
    at: Date.now(),
  });
  await eventually(
    async () => {
      const [row] = await workspace.sql`select id from public.messages
        where conversation_id = ${thread.conversationId} and direction = 'inbound' and text = ${text}`;
      return row;
    },
    "the lead's new message was stored",
    15_000,
  );
}

/** The scheduled message's row as the server left it. */
export async function scheduledRow(workspace: Workspace, id: string) {
  const [row] = await workspace.sql<
    {
      status: string;
      last_error: string | null;
      sent_message_id: string | null;
      scheduled_for: Date | null;
      released_at: Date | null;
      sent_at: Date | null;
      cancelled_by: string | null;
    }[]
  >`select status::text, last_error, sent_message_id, scheduled_for, released_at, sent_at,
      cancelled_by
    from public.scheduled_messages where id = ${id}`;
  return row!;
}

/** The texts the sandbox's Send API accepted from the account, in the order it got them. */
export async function textsSentFrom(account: { igAccountId: string }) {
  return (await sentFrom(account))
    .filter((record) => record.outcome.ok)
    .map((record) => record.body.message?.text);
}
