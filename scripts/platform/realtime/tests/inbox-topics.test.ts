/**
 * The inbox's Realtime topics (supabase/migrations/20261202160000..160100) through the local
 * Realtime, with the real supabase-js on both protocol versions: a member receives their IMO's
 * conversation and message changes on the private topic `imo:<imo_id>`; a member of another IMO
 * and a signed-out client are refused, and no one may send on the topic.
 */
import assert from "node:assert/strict";
import { eventually } from "../../../testing/eventually.ts";
import { addChannelAccount, addMessage, addThread } from "../../../testing/inbox-fixture.ts";
import { createWorkspace } from "../../../testing/workspace.ts";
import { VSNS } from "../frames.ts";
import { collect, joined, realtimeClient, sleep, subscribe, testOptions } from "./clients.ts";

for (const vsn of VSNS) {
  Deno.test(
    `vsn ${vsn}: a member receives INSERT and UPDATE of their IMO's conversations and messages`,
    testOptions,
    async () => {
      const workspace = await createWorkspace({ label: "rt-member" });
      const client = await realtimeClient(vsn, { token: workspace.accessToken });
      try {
        const channel = client.channel(`imo:${workspace.imoId}`, { config: { private: true } });
        const received = collect(channel);
        await joined(channel);

        const account = await addChannelAccount(workspace);
        const sentAt = performance.now();
        const thread = await addThread(workspace, account, { username: "casey", text: "Hi!" });
        const inserted = await eventually(
          () => received.find((m) => m.payload.table === "messages" && m.event === "INSERT"),
          "the message INSERT broadcast",
        );
        console.log(`vsn ${vsn}: insert to broadcast ${(inserted.at - sentAt).toFixed(1)} ms`);
        assert.deepEqual(
          { ...inserted.payload, record: undefined, id: undefined },
          {
            schema: "public",
            table: "messages",
            operation: "INSERT",
            old_record: null,
            record: undefined,
            id: undefined,
          },
        );
        assert.equal(inserted.payload.record!.id, thread.messageId);
        assert.equal(inserted.payload.record!.text, "Hi!");
        assert.equal(
          inserted.payload.id,
          inserted.meta?.id,
          "the row id is the broadcast's meta.id",
        );

        // the conversation was created, then moved by its first message
        const conversationEvents = () =>
          received.filter((m) => m.payload.table === "conversations").map((m) => m.event);
        await eventually(
          () => conversationEvents().join() === "INSERT,UPDATE",
          "conversation INSERT then UPDATE",
        );
        // the message's trigger moves the conversation before its own broadcast is written
        assert.deepEqual(
          received.slice(0, 3).map((m) => `${m.payload.table} ${m.event}`),
          ["conversations INSERT", "conversations UPDATE", "messages INSERT"],
        );
        const moved = received.findLast((m) => m.payload.table === "conversations")!;
        assert.equal(moved.payload.record!.id, thread.conversationId);
        assert.equal(moved.payload.record!.last_message_preview, "Hi!");
        // of the old row, only what a listener compares: the unread count it moves badges by
        assert.deepEqual(moved.payload.old_record, { id: thread.conversationId, unread_count: 0 });

        await workspace.sql`update public.conversations set is_priority = true
                            where id = ${thread.conversationId}`;
        await workspace.sql`update public.messages set status = 'read'
                            where id = ${thread.messageId}`;
        const updates = await eventually(() => {
          const seen = received.filter((m) => m.event === "UPDATE").slice(-2);
          return seen.length === 2 && seen[1]!.payload.table === "messages" ? seen : undefined;
        }, "the triage and status UPDATE broadcasts");
        assert.equal(updates[0]!.payload.record!.is_priority, true);
        assert.equal(updates[1]!.payload.record!.status, "read");
        assert.equal(updates[1]!.payload.old_record!.status, "delivered");
      } finally {
        await client.removeAllChannels();
        await workspace.close();
      }
    },
  );

  Deno.test(
    `vsn ${vsn}: another IMO's member and a signed-out client are refused the topic`,
    testOptions,
    async () => {
      const owner = await createWorkspace({ label: "rt-owner" });
      const stranger = await createWorkspace({ label: "rt-stranger" });
      const topic = `imo:${owner.imoId}`;
      const clients = await Promise.all([
        realtimeClient(vsn, { token: stranger.accessToken }),
        realtimeClient(vsn),
        realtimeClient(vsn),
        realtimeClient(vsn, { token: owner.accessToken }),
      ]);
      try {
        const [strangerOutcome, anonOutcome] = await Promise.all(
          clients.slice(0, 2).map((c) =>
            subscribe(c.channel(topic, { config: { private: true } }))
          ),
        );
        const denied =
          `Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`;
        assert.equal(strangerOutcome!.status, "CHANNEL_ERROR");
        assert.match(strangerOutcome!.error!.message, new RegExp(denied));
        assert.equal(anonOutcome!.status, "CHANNEL_ERROR");
        assert.match(anonOutcome!.error!.message, new RegExp(denied));

        // the public channel of the same name joins, and hears none of the private broadcasts
        const eavesdropper = clients[2]!.channel(topic);
        const overheard = collect(eavesdropper);
        await joined(eavesdropper);
        const member = clients[3]!.channel(topic, { config: { private: true } });
        const heard = collect(member);
        await joined(member);

        const account = await addChannelAccount(owner);
        await addThread(owner, account, { username: "drew" });
        await eventually(() => heard.length >= 3, "the member's broadcasts");
        await sleep(300);
        assert.deepEqual(overheard, []);
      } finally {
        await Promise.all(clients.map((c) => c.removeAllChannels()));
        await owner.close();
        await stranger.close();
      }
    },
  );

  Deno.test(
    `vsn ${vsn}: no one may send on an IMO topic, by socket or by HTTP`,
    testOptions,
    async () => {
      const workspace = await createWorkspace({ label: "rt-sender" });
      const sender = await realtimeClient(vsn, { token: workspace.accessToken });
      const listener = await realtimeClient(vsn, { token: workspace.accessToken });
      const topic = `imo:${workspace.imoId}`;
      try {
        const config = { private: true, broadcast: { ack: true, self: true } };
        const sending = sender.channel(topic, { config });
        const echoed = collect(sending);
        const listening = listener.channel(topic, { config: { private: true } });
        const heard = collect(listening);
        await joined(sending);
        await joined(listening);

        // Realtime neither forwards nor acknowledges a broadcast the insert policies refuse
        const spoof = {
          type: "broadcast" as const,
          event: "INSERT",
          payload: { table: "messages" },
        };
        assert.equal(await sending.send(spoof), "timed out");
        await assert.rejects(sending.httpSend("INSERT", { table: "messages" }), /Unauthorized/);

        await addMessage(
          workspace,
          (await addThread(workspace, await addChannelAccount(workspace), {
            username: "erin",
          })).conversationId,
          { text: "real" },
        );
        await eventually(() => heard.some((m) => m.payload.record?.text === "real"), "a real one");
        assert.ok(heard.every((m) => m.payload.schema === "public"), "only the triggers' events");
        assert.ok(echoed.every((m) => m.payload.schema === "public"));
      } finally {
        await sender.removeAllChannels();
        await listener.removeAllChannels();
        await workspace.close();
      }
    },
  );
}

Deno.test(
  "supabase-js signed in through its own Auth joins the IMO topic without further ado",
  testOptions,
  async () => {
    // the SPA's way: the session's token reaches Realtime when Auth reports SIGNED_IN
    const workspace = await createWorkspace({ label: "rt-session" });
    try {
      const channel = workspace.client.channel(`imo:${workspace.imoId}`, {
        config: { private: true },
      });
      const received = collect(channel, "INSERT");
      await joined(channel);
      await addThread(workspace, await addChannelAccount(workspace), { username: "gale" });
      await eventually(() => received.length === 2, "the conversation and message INSERTs");
    } finally {
      await workspace.client.removeAllChannels();
      await workspace.close();
    }
  },
);
