/**
 * A burst through the whole path (trigger, realtime.messages, logical decoding, socket): 500
 * messages written as ingestion writes them, five conversations at once, reach a subscriber on
 * each protocol version, none lost, in order within each conversation.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import assert from "node:assert/strict";
import postgres from "postgres";
import { eventually } from "../../../testing/eventually.ts";
import { addChannelAccount, addThread } from "../../../testing/inbox-fixture.ts";
import { platformEnv } from "../../../testing/platform-env.ts";
import { createWorkspace } from "../../../testing/workspace.ts";
import { VSNS } from "../frames.ts";
import { collect, realtimeClient, testOptions } from "./clients.ts";

const CONVERSATIONS = 5;

/** realtime-js's default: a burst on a loaded machine must not pass for a dead socket */
const HEARTBEAT_MS = 25_000;

/** Joins the IMO's topic and collects its broadcasts of `event`; fails if the channel rejoins. */
async function listen(client: SupabaseClient, imoId: string, event = "*") {
  const channel = client.channel(`imo:${imoId}`, { config: { private: true } });
  const received = collect(channel, event);
  const statuses: string[] = [];
  await new Promise<void>((resolve) =>
    channel.subscribe((status) => {
      statuses.push(status);
      if (status === "SUBSCRIBED") resolve();
    })
  );
  return Object.assign(received, {
    assertStayedJoined: () => assert.deepEqual(statuses, ["SUBSCRIBED"], "the channel rejoined"),
  });
}
const PER_CONVERSATION = 100;

Deno.test(
  "500 inserts in a burst are all delivered, in order per conversation",
  testOptions,
  async () => {
    const workspace = await createWorkspace({ label: "rt-burst" });
    const writers = postgres(platformEnv().databaseUrl, { max: CONVERSATIONS, onnotice: () => {} });
    const clients = await Promise.all(
      VSNS.map((vsn) => realtimeClient(vsn, { token: workspace.accessToken }, HEARTBEAT_MS)),
    );
    try {
      const account = await addChannelAccount(workspace);
      const threads: { conversationId: string }[] = [];
      for (let i = 0; i < CONVERSATIONS; i++) {
        threads.push(await addThread(workspace, account, { username: `lead${i}`, text: "start" }));
      }
      const receivers = await Promise.all(clients.map((c) => listen(c, workspace.imoId, "INSERT")));

      const started = performance.now();
      // one writer per conversation, each message its own transaction, as webhooks arrive
      await Promise.all(threads.map(async ({ conversationId }, thread) => {
        for (let n = 1; n <= PER_CONVERSATION; n++) {
          await writers`
          insert into public.messages (imo_id, channel_account_id, conversation_id, external_id,
            direction, author_kind, text, status)
          select c.imo_id, c.channel_account_id, c.id, ${`mid.burst.${thread}.${n}`}, 'inbound',
            'contact', ${`${thread}:${n}`}, 'delivered'
          from public.conversations c where c.id = ${conversationId}`;
        }
      }));
      const written = performance.now();

      const total = CONVERSATIONS * PER_CONVERSATION;
      const bursts = (received: ReturnType<typeof collect>) =>
        received.filter((m) => String(m.payload.record?.external_id).startsWith("mid.burst."));
      for (const [index, received] of receivers.entries()) {
        await eventually(
          () => bursts(received).length >= total,
          `all ${total} on vsn ${VSNS[index]}`,
        )
          .finally(received.assertStayedJoined);
        const burst = bursts(received);
        assert.equal(burst.length, total, "none twice");
        for (const [thread, { conversationId }] of threads.entries()) {
          const texts = burst.filter((m) => m.payload.record?.conversation_id === conversationId)
            .map((m) => m.payload.record?.text);
          const expected = Array.from({ length: PER_CONVERSATION }, (_, i) => `${thread}:${i + 1}`);
          assert.deepEqual(
            texts,
            expected,
            `conversation ${thread} in order on vsn ${VSNS[index]}`,
          );
        }
        const last = Math.max(...burst.map((m) => m.at));
        console.log(
          `vsn ${VSNS[index]}: ${total} messages written in ${
            (written - started).toFixed(0)
          } ms, ` +
            `all received ${(last - started).toFixed(0)} ms after the first write`,
        );
      }
    } finally {
      await Promise.all(clients.map((client) => client.removeAllChannels()));
      await writers.end();
      await workspace.close();
    }
  },
);

Deno.test(
  "500 messages committed in one transaction arrive whole and in order",
  testOptions,
  async () => {
    const workspace = await createWorkspace({ label: "rt-batch" });
    const clients = await Promise.all(
      VSNS.map((vsn) => realtimeClient(vsn, { token: workspace.accessToken }, HEARTBEAT_MS)),
    );
    try {
      const account = await addChannelAccount(workspace);
      const { conversationId } = await addThread(workspace, account, { username: "bulk" });
      const receivers = await Promise.all(clients.map((c) => listen(c, workspace.imoId)));
      // the AI's queue jobs go in the same transaction: an analysis by a drain running for another
      // test would move the conversation a second time
      await workspace.sql.begin(async (tx) => {
        await tx`
        insert into public.messages (imo_id, channel_account_id, conversation_id, external_id,
          direction, author_kind, text, status, sent_at)
        select c.imo_id, c.channel_account_id, c.id, 'mid.batch.' || n, 'inbound', 'contact',
          'batch ' || n, 'delivered', now() + n * interval '1 ms'
        from public.conversations c, generate_series(1, 500) n where c.id = ${conversationId}`;
        await tx`delete from public.ai_analysis_jobs where imo_id = ${workspace.imoId}`;
      });
      const expected = Array.from({ length: 500 }, (_, i) => `batch ${i + 1}`);
      for (const received of receivers) {
        const texts = () =>
          received.filter((m) => String(m.payload.record?.external_id).startsWith("mid.batch."))
            .map((m) => m.payload.record?.text);
        await eventually(() => texts().length >= 500, "the transaction's 500 messages")
          .finally(received.assertStayedJoined);
        assert.deepEqual(texts(), expected);
        // the statement moved the conversation once, to its newest message, and that UPDATE
        // came before the messages' INSERTs (the thread's first message may still be on its way
        // when the channel joins: not counted)
        const isMove = (m: (typeof received)[number]) =>
          m.payload.table === "conversations" &&
          String(m.payload.record?.last_message_preview).startsWith("batch ");
        const moves = received.filter(isMove);
        assert.equal(moves.length, 1);
        assert.equal(moves[0]!.payload.record?.last_message_preview, "batch 500");
        assert.ok(
          received.findIndex(isMove) <
            received.findIndex((m) => m.payload.record?.external_id === "mid.batch.1"),
        );
      }
    } finally {
      await Promise.all(clients.map((client) => client.removeAllChannels()));
      await workspace.close();
    }
  },
);
