/**
 * What webhooks do to the messages we send: a read receipt marks only what Meta accepted, and the
 * echo of our own send finds the row the send stored instead of leaving it pending.
 */
import assert from "node:assert/strict";
import { asService, db } from "../_shared/db.ts";
import { recordSendAccepted } from "../_shared/webhooks/outbound-echo.ts";
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
    {
      id: string;
      author_kind: string;
      text: string;
      external_id: string | null;
      status: string;
      read_at: Date | null;
      reactions: { emoji: string }[];
    }[]
  >`
    select id, author_kind, text, external_id, status, read_at, reactions from public.messages
    where conversation_id = ${conversationId} and direction = 'outbound' order by sent_at`;
  return rows.map(({ id: _, reactions, ...r }) => ({
    ...r,
    read_at: r.read_at !== null,
    ...(reactions.length ? { reactions: reactions.map((x) => x.emoji) } : {}),
  }));
}

/** One outbound message as `outbound` lists it. */
const row = (
  author_kind: string,
  text: string,
  external_id: string | null,
  status: string,
  extra: { read_at?: boolean; reactions?: string[] } = {},
) => ({ author_kind, text, external_id, status, read_at: false, ...extra });

/** What the send path does when Meta answers the Send API with a mid. */
const sendAccepted = (messageId: string, label: string) =>
  asService((tx) => recordSendAccepted(tx, messageId, mid(label)));

async function takeover(workspace: Workspace, conversationId: string) {
  const [row] = await workspace.sql<{ ai_takeover_until: Date | null }[]>`
    select ai_takeover_until from public.conversations where id = ${conversationId}`;
  return row!.ai_takeover_until;
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
        row("user", "Yes! Sending the form now", null, "pending"),
        row("native_app", "Call me at 10?", mid("ana.app"), "read", { read_at: true }),
      ]);
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "the echo of a reply whose mid the send stored marks nothing twice: one row, sent",
  options,
  async () => {
    const { workspace, e, deliver, conversationId } = await threadWithAna("echo-after-send");
    try {
      const reply = await queueReply(workspace, conversationId, "Yes, it is open!", ago(2));
      assert.equal(await sendAccepted(reply, "ana.reply"), "recorded");
      await deliver([e.echo("ana", ago(1), { mid: mid("ana.reply"), text: "Yes, it is open!" })]);
      assert.deepEqual(await outbound(workspace, conversationId), [
        row("user", "Yes, it is open!", mid("ana.reply"), "sent"),
      ]);
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "an echo that outruns the send's answer claims the queued reply: sent with the mid, no second row, no takeover",
  options,
  async () => {
    const { workspace, e, deliver, conversationId } = await threadWithAna("echo-before-send");
    try {
      await workspace
        .sql`update public.conversations set ai_mode = 'supervised' where id = ${conversationId}`;
      // an older reply with the same text, already accepted, and one that failed long ago: neither
      // is the one echoed
      const older = await queueReply(workspace, conversationId, "On it 👍", ago(25));
      assert.equal(await sendAccepted(older, "ana.older"), "recorded");
      await queueReply(workspace, conversationId, "Booked ✅", ago(20));
      const reply = await queueReply(workspace, conversationId, "Booked ✅", ago(2));
      // the person's replies hold the AI off in their name (issue 13); the echo adds nothing
      const held = await takeover(workspace, conversationId);
      assert.ok(held, "a person's reply takes the lease");
      await deliver([
        e.echo("ana", ago(1), { mid: mid("ana.booked"), text: "Booked ✅" }),
        e.react("ana", ago(0.5), "ana.booked", "love", "❤️"),
      ]);
      const expected = [
        row("user", "On it 👍", mid("ana.older"), "sent"),
        // written 20 minutes before the echo: outside the window, still waiting for its answer
        row("user", "Booked ✅", null, "pending"),
        row("user", "Booked ✅", mid("ana.booked"), "sent", { reactions: ["❤️"] }),
      ];
      assert.deepEqual(await outbound(workspace, conversationId), expected);
      assert.deepEqual(
        await takeover(workspace, conversationId),
        held,
        "our own send's echo is no takeover",
      );

      // the Send API's answer arrives afterwards: nothing moves
      assert.equal(await sendAccepted(reply, "ana.booked"), "already_matched");
      assert.deepEqual(await outbound(workspace, conversationId), expected);
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "an echo that matches no queued reply is stored as its own message, and the send's answer folds it in",
  options,
  async () => {
    const { workspace, e, deliver, conversationId } = await threadWithAna("echo-unmatched");
    try {
      const reply = await queueReply(workspace, conversationId, "See you at 10  ", ago(2));
      // Meta echoes the text as it sent it (trailing spaces gone): no queued reply has that text
      await deliver([e.echo("ana", ago(1), { mid: mid("ana.ten"), text: "See you at 10" })]);
      await deliver([
        e.react("ana", ago(0.8), "ana.ten", "like", "👍"),
        e.message("ana", ago(0.6), {
          mid: mid("ana.answer"),
          text: "Perfect",
          reply_to: { mid: mid("ana.ten") },
        }),
        e.read("ana", ago(0.5), "ana.ten"),
      ]);
      assert.deepEqual(await outbound(workspace, conversationId), [
        row("user", "See you at 10  ", null, "pending"),
        row("native_app", "See you at 10", mid("ana.ten"), "read", {
          read_at: true,
          reactions: ["👍"],
        }),
      ]);

      // the send learns the mid: one message, ours, with everything Ana did to it
      assert.equal(await sendAccepted(reply, "ana.ten"), "merged_echo");
      assert.deepEqual(await outbound(workspace, conversationId), [
        row("user", "See you at 10  ", mid("ana.ten"), "read", {
          read_at: true,
          reactions: ["👍"],
        }),
      ]);
      const [answer] = await workspace.sql<{ reply_to_message_id: string }[]>`
        select reply_to_message_id from public.messages where external_id = ${mid("ana.answer")}`;
      assert.equal(answer!.reply_to_message_id, reply);
    } finally {
      await workspace.close();
      await db().end();
    }
  },
);
