import assert from "node:assert/strict";
import { usageResponseSchema } from "../../../shared/src/contracts/usage.ts";
import {
  addChannelAccount,
  addMessage,
  addThread,
} from "../../../scripts/testing/inbox-fixture.ts";
import { callFunction, createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "usage: messages received per day as they are stored, Graph calls per account and hour as the governor grants them",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", role: "recruiter", label: "usage" });
    const stranger = await createWorkspace({ plan: "team", label: "usage-stranger" });
    try {
      const account = await addChannelAccount(ws);
      const thread = await addThread(ws, account, { username: "counted" });
      await addMessage(ws, thread.conversationId, { text: "second" });
      await addMessage(ws, thread.conversationId, { text: "ours", authorUserId: ws.userId });
      // a redelivered mid is refused by the unique key, and so never counted
      const [{ external_id }] = await ws
        .sql`select external_id from public.messages where id = ${thread.messageId}`;
      await assert.rejects(ws.sql`
      insert into public.messages (imo_id, channel_account_id, conversation_id, external_id, direction, author_kind, text, status)
      values (${ws.imoId}, ${account}, ${thread.conversationId}, ${external_id}, 'inbound', 'contact', 'again', 'delivered')`);
      for (let i = 0; i < 3; i++) {
        await ws
          .sql`select private.take_graph_call(${account}, 'send_text')`;
      }

      const response = await callFunction(ws, `usage?imo_id=${ws.imoId}&days=3&hours=2`);
      assert.equal(response.status, 200, await response.clone().text());
      const usage = usageResponseSchema.parse(await response.json());
      assert.equal(usage.daily.length, 3, "every day of the range, zeros included");
      const today = usage.daily.at(-1)!;
      assert.equal(today.date, new Date().toISOString().slice(0, 10));
      assert.equal(today.messages_received, 2);
      assert.deepEqual(usage.daily.slice(0, 2).map((d) => d.messages_received), [0, 0]);
      assert.equal(usage.graph_calls.length, 1);
      assert.equal(usage.graph_calls[0]!.channel_account_id, account);
      assert.equal(usage.graph_calls[0]!.calls, 3);

      const hidden = await callFunction(stranger, `usage?imo_id=${ws.imoId}`);
      assert.equal(hidden.status, 404);
      await hidden.body?.cancel();
      const bad = await callFunction(ws, `usage?imo_id=${ws.imoId}&days=365`);
      assert.equal(bad.status, 400);
      await bad.body?.cancel();
    } finally {
      await Promise.all([ws.close(), stranger.close()]);
    }
  },
);
