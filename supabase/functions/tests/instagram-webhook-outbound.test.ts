/**
 * What webhooks do to the messages we send: a read receipt marks only what Meta accepted, and the
 * echo of our own send finds the row the send stored instead of leaving it pending.
 */
import assert from "node:assert/strict";
import { connectSandboxAccount } from "../../../scripts/testing/connected-account.ts";
import {
  eventBuilders,
  IGSID,
  mid,
  postSignedDelivery,
  waitForLedger,
} from "../../../scripts/testing/webhook-corpus.ts";
import { createWorkspace, type Workspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

/** A connected account whose conversation with Ana exists (she wrote first, `minutesAgo` ago). */
async function threadWithAna(label: string, minutesAgo = 30) {
  const workspace = await createWorkspace({ plan: "team", label });
  const account = await connectSandboxAccount(workspace);
  const e = eventBuilders(account.igAccountId);
  const deliver = async (events: unknown[]) => {
    await postSignedDelivery(account.igAccountId, events);
    await waitForLedger(workspace.sql, [account.igAccountId]);
  };
  await deliver([e.text("ana", ago(minutesAgo), "ana.hello", "Hi! Is the role still open?")]);
  const [conversation] = await workspace.sql<{ id: string }[]>`
    select c.id from public.conversations c join public.contacts k on k.id = c.contact_id
    where k.channel_account_id = ${account.accountId} and k.external_id = ${IGSID.ana}`;
  return { workspace, account, e, deliver, conversationId: conversation!.id };
}

const ago = (minutes: number) => Date.now() - minutes * 60_000;

/** A reply as a member queues it (the send stores it pending, without Meta's id). */
async function queueReply(
  workspace: Workspace,
  conversationId: string,
  text: string,
  sentAt: number,
  externalId: string | null = null,
) {
  const [row] = await workspace.sql<{ id: string }[]>`
    insert into public.messages (imo_id, channel_account_id, conversation_id, external_id, direction,
      author_kind, author_user_id, type, text, status, sent_at)
    select imo_id, channel_account_id, id, ${externalId}, 'outbound', 'user', ${workspace.userId},
      'text', ${text}, 'pending', ${new Date(sentAt)}
    from public.conversations where id = ${conversationId}
    returning id`;
  return row!.id;
}

async function outbound(workspace: Workspace, conversationId: string) {
  const rows = await workspace.sql<
    { text: string; external_id: string | null; status: string; read_at: Date | null }[]
  >`
    select text, external_id, status, read_at from public.messages
    where conversation_id = ${conversationId} and direction = 'outbound' order by sent_at`;
  return rows.map((r) => ({ ...r, read_at: r.read_at !== null }));
}

Deno.test(
  "a read receipt marks only messages Meta accepted: a pending reply without a mid stays pending",
  options,
  async () => {
    const { workspace, e, deliver, conversationId } = await threadWithAna("read-pending");
    try {
      // queued first, never accepted by Meta (no mid): the send has not happened, or failed
      await queueReply(workspace, conversationId, "Yes! Sending the form now", ago(10));
      // typed in the Instagram app afterwards: Meta has it, its echo brings the mid
      await deliver([e.echo("ana", ago(5), { mid: mid("ana.app"), text: "Call me at 10?" })]);
      // Ana reads up to the message typed in the app
      await deliver([e.read("ana", ago(4), "ana.app")]);

      assert.deepEqual(await outbound(workspace, conversationId), [
        {
          text: "Yes! Sending the form now",
          external_id: null,
          status: "pending",
          read_at: false,
        },
        { text: "Call me at 10?", external_id: mid("ana.app"), status: "read", read_at: true },
      ]);
    } finally {
      await workspace.close();
    }
  },
);
