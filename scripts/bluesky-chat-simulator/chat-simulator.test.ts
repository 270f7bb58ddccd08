/**
 * The chat simulator, reached as Bluesky's chat service is: through a real PDS of the local
 * network, which resolves the simulator's did:web and forwards each call with a service-auth JWT.
 */
import { AtpAgent, XRPCError } from "@atproto/api";
import assert from "node:assert/strict";
import {
  blueskyEnv,
  chatAgent,
  chatSimulatorCalls,
  createBlueskyUser,
} from "../testing/bluesky-network.ts";

/** The XRPC error a call fails with (it must fail). */
async function xrpcFailure(call: () => Promise<unknown>): Promise<XRPCError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof XRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

Deno.test("a direct conversation: start, send, list, read, log and answer through the PDS", async () => {
  const alice = await createBlueskyUser("alice");
  const bob = await createBlueskyUser("bob");
  const aliceChat = chatAgent(alice).chat.bsky.convo;
  const bobChat = chatAgent(bob).chat.bsky.convo;

  const { data: started } = await aliceChat.getConvoForMembers({ members: [bob.did] });
  assert.deepEqual(started.convo.members.map((m) => m.did).sort(), [alice.did, bob.did].sort());
  assert.deepEqual(started.convo.members.find((m) => m.did === bob.did)?.handle, bob.handle);
  const again = await aliceChat.getConvoForMembers({ members: [bob.did, alice.did] });
  assert.deepEqual(again.data.convo.id, started.convo.id, "the same members get the same convo");

  const { data: sent } = await aliceChat.sendMessage({
    convoId: started.convo.id,
    message: { text: "Hi Bob 👋 are you licensed?" },
  });
  assert.deepEqual(sent.sender.did, alice.did);

  const { data: bobList } = await bobChat.listConvos({});
  const seen = bobList.convos.find((c) => c.id === started.convo.id)!;
  assert.deepEqual([seen.status, seen.unreadCount], ["request", 1]);
  const { data: messages } = await bobChat.getMessages({ convoId: started.convo.id });
  assert.deepEqual(messages.messages.map((m) => "text" in m ? m.text : m.$type), [
    "Hi Bob 👋 are you licensed?",
  ]);

  const { data: log } = await bobChat.getLog({});
  assert.deepEqual(log.logs.map((l) => l.$type), [
    "chat.bsky.convo.defs#logBeginConvo",
    "chat.bsky.convo.defs#logCreateMessage",
  ]);
  await bobChat.sendMessage({ convoId: started.convo.id, message: { text: "Yes, in Ohio" } });
  const { data: later } = await bobChat.getLog({ cursor: log.cursor });
  assert.deepEqual(later.logs.map((l) => l.$type), [
    "chat.bsky.convo.defs#logAcceptConvo",
    "chat.bsky.convo.defs#logCreateMessage",
  ]);
  const { data: read } = await aliceChat.updateRead({ convoId: started.convo.id });
  assert.deepEqual([read.convo.status, read.convo.unreadCount], ["accepted", 0]);
});

Deno.test("a request the lexicon forbids is refused with 400 InvalidRequest", async () => {
  const alice = await createBlueskyUser("carol");
  const bob = await createBlueskyUser("dave");
  const chat = chatAgent(alice).chat.bsky.convo;
  const { data } = await chat.getConvoForMembers({ members: [bob.did] });

  // 1001 graphemes: the lexicon's messageInput allows 1000; the client library does not check
  const tooLong = await xrpcFailure(() =>
    chat.sendMessage({ convoId: data.convo.id, message: { text: "é".repeat(1001) } })
  );
  assert.deepEqual([tooLong.status, tooLong.error], [400, "InvalidRequest"]);
  assert.match(tooLong.message, /graphemes/);

  // a raw call, as a buggy client would make it: `message` without its required `text`
  const raw = await fetch(`${blueskyEnv().pdsUrl}/xrpc/chat.bsky.convo.sendMessage`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${alice.agent.session!.accessJwt}`,
      "atproto-proxy": blueskyEnv().chatProxy,
      "content-type": "application/json",
    },
    body: JSON.stringify({ convoId: data.convo.id, message: { facets: [] } }),
  });
  assert.deepEqual(raw.status, 400);
  assert.deepEqual((await raw.json()).error, "InvalidRequest");

  const outOfRange = await xrpcFailure(() => chat.listConvos({ limit: 500 }));
  assert.deepEqual(outOfRange.status, 400);

  const refused = (await chatSimulatorCalls()).filter((c) =>
    c.caller === alice.did && c.status >= 400
  );
  assert.deepEqual(refused.map((c) => [c.nsid, c.status, c.error]), [
    ["chat.bsky.convo.sendMessage", 400, "InvalidRequest"],
    ["chat.bsky.convo.sendMessage", 400, "InvalidRequest"],
    ["chat.bsky.convo.listConvos", 400, "InvalidRequest"],
  ]);
});

Deno.test("a call without the PDS's service-auth JWT is refused", async () => {
  const { chatSimulatorUrl } = blueskyEnv();
  const bare = await fetch(`${chatSimulatorUrl}/xrpc/chat.bsky.convo.listConvos`);
  assert.deepEqual([bare.status, (await bare.json()).error], [401, "AuthMissing"]);

  const user = await createBlueskyUser("erin");
  // a user's own access token is not a service-auth JWT for the chat service
  const forged = await fetch(`${chatSimulatorUrl}/xrpc/chat.bsky.convo.listConvos`, {
    headers: { authorization: `Bearer ${user.agent.session!.accessJwt}` },
  });
  assert.deepEqual(forged.status, 401);
  await forged.body?.cancel();
});

Deno.test("a method the simulator does not implement answers 501", async () => {
  const user = await createBlueskyUser("frank");
  const error = await xrpcFailure(() =>
    chatAgent(user).chat.bsky.convo.lockConvo({ convoId: "x" })
  );
  assert.deepEqual([error.status, error.error], [501, "MethodNotImplemented"]);
});

Deno.test("an app password without direct-message access cannot reach the chat service", async () => {
  const user = await createBlueskyUser("gina", { privileged: false });
  const agent = new AtpAgent({ service: blueskyEnv().pdsUrl });
  await agent.login({ identifier: user.handle, password: user.appPassword });
  const error = await xrpcFailure(() =>
    agent.withProxy("bsky_chat", blueskyEnv().chatProxy.split("#")[0]!).chat.bsky.convo.listConvos(
      {},
    )
  );
  assert.deepEqual(error.status, 400);
  assert.deepEqual(error.error, "InvalidToken");
});
