/**
 * Bluesky DMs: read into the inbox and answered from it, through the account's PDS to the chat
 * simulator, which checks every call against the chat.bsky.convo lexicons.
 */
import assert from "node:assert/strict";
import { connectBlueskyAccount, pollNow } from "../../../scripts/testing/bluesky-account.ts";
import {
  chatAgent,
  chatSimulatorCalls,
  createBlueskyUser,
  postAs,
  processAll,
} from "../../../scripts/testing/bluesky-network.ts";
import { callFunction, createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "DMs are listed, read and answered, apart from the same person's public posts",
  options,
  async () => {
    const admin = await createWorkspace({ plan: "team", label: "bsky-dm" });
    try {
      const acme = await connectBlueskyAccount(admin, "dmdesk");
      const sky = await createBlueskyUser("sky");
      const skyChat = chatAgent(sky).chat.bsky.convo;
      // a DM that was there before the first poll, then one after: backfill, then the log
      const { data: started } = await skyChat.getConvoForMembers({ members: [acme.did] });
      await skyChat.sendMessage({
        convoId: started.convo.id,
        message: { text: "Hi! Saw your post 👀" },
      });
      // counts are not compared: the every-minute poll may have stored a DM before this one
      assert.equal((await pollNow(admin, acme.accountId)).error, null);
      const dmsSoFar = await admin.sql`
      select 1 from public.messages m join public.conversations c on c.id = m.conversation_id
      where c.channel_account_id = ${acme.accountId} and c.kind = 'direct'`;
      assert.equal(dmsSoFar.length, 1, "the DM that was there before the first poll");
      await skyChat.sendMessage({
        convoId: started.convo.id,
        message: { text: "Are you hiring?" },
      });
      // and a public mention by the same person
      await postAs(sky, `@${acme.handle} also asked in DMs`);
      await processAll();
      assert.equal((await pollNow(admin, acme.accountId)).error, null);
      assert.equal((await pollNow(admin, acme.accountId)).error, null, "polled twice");

      const conversations = await admin.sql<
        { id: string; kind: string; external_conversation_id: string | null }[]
      >`
      select id, kind, external_conversation_id from public.conversations
      where channel_account_id = ${acme.accountId} order by kind`;
      assert.deepEqual(
        conversations.map((c) => c.kind),
        ["direct", "public"],
        "two conversations, one contact",
      );
      const direct = conversations[0]!;
      assert.equal(direct.external_conversation_id, started.convo.id);
      const dms = await admin.sql<{ text: string; direction: string; external_id: string }[]>`
      select text, direction, external_id from public.messages
      where conversation_id = ${direct.id} order by sent_at`;
      assert.deepEqual(dms.map((m) => [m.text, m.direction]), [
        ["Hi! Saw your post 👀", "inbound"],
        ["Are you hiring?", "inbound"],
      ]);

      const clientId = crypto.randomUUID();
      const send = () =>
        callFunction(admin, "bluesky-send-message", {
          body: {
            conversation_id: direct.id,
            client_message_id: clientId,
            text: "Yes — DM me your state 🙂",
          },
        });
      const response = await send();
      const body = await response.json();
      assert.equal(response.status, 200, JSON.stringify(body));
      assert.equal(body.message.status, "sent", JSON.stringify(body.message));
      assert.equal(body.message.post ?? null, null, "a DM is not a post");
      const again = await (await send()).json();
      assert.deepEqual([again.replayed, again.message.id], [true, body.message.id], "sent once");

      const { data: seen } = await skyChat.getMessages({ convoId: started.convo.id });
      const texts = seen.messages.map((m) => ("text" in m ? m.text : ""));
      assert.deepEqual(texts, [
        "Yes — DM me your state 🙂",
        "Are you hiring?",
        "Hi! Saw your post 👀",
      ]);
      // the log brings our own DM back: it is the message we stored, not a second one
      await pollNow(admin, acme.accountId);
      const outbound = await admin.sql`
      select author_kind from public.messages
      where conversation_id = ${direct.id} and direction = 'outbound'`;
      assert.deepEqual(outbound.map((m) => m.author_kind), ["user"]);

      // every call the functions made for acme passed the lexicon check
      const calls = (await chatSimulatorCalls()).filter((c) => c.caller === acme.did);
      assert.ok(calls.length >= 5, JSON.stringify(calls));
      assert.deepEqual(calls.filter((c) => c.status !== 200), []);
      assert.ok(calls.some((c) => c.nsid === "chat.bsky.convo.getLog"));
      assert.ok(calls.some((c) => c.nsid === "chat.bsky.convo.sendMessage"));
    } finally {
      await admin.close();
    }
  },
);

Deno.test(
  "a DM to someone new starts the conversation; without DM access nothing is read",
  options,
  async () => {
    const admin = await createWorkspace({ plan: "team", label: "bsky-dm2" });
    try {
      const noDms = await connectBlueskyAccount(admin, "nodms", { privileged: false });
      const lee = await createBlueskyUser("lee");
      const { data } = await chatAgent(lee).chat.bsky.convo.getConvoForMembers({
        members: [noDms.did],
      });
      await chatAgent(lee).chat.bsky.convo.sendMessage({
        convoId: data.convo.id,
        message: { text: "hello?" },
      });
      const poll = await pollNow(admin, noDms.accountId);
      assert.deepEqual([poll.error, poll.direct_messages], [null, 0]);
      const calls = (await chatSimulatorCalls()).filter((c) => c.caller === noDms.did);
      assert.equal(calls.length, 0, "no chat call without the DM permission");
    } finally {
      await admin.close();
    }
  },
);
