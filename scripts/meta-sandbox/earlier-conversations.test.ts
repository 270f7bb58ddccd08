import assert from "node:assert/strict";
import { control, graph, startTestSandbox, testOptions } from "./test-support.ts";

const HOUR = 60 * 60 * 1000;

/** `POST /_sandbox/leads {conversations}`: scene-setting for a lead who wrote before the sandbox ran. */
Deno.test(
  "a lead with an earlier conversation: that IGSID, the window from their last message, no messages",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const account = await control<{ igAccountId: string; accessToken: string }>(
        sandbox,
        "POST",
        "accounts",
        { username: "northwind.careers", loginPath: "instagram_login" },
      );
      const recentAt = Date.now() - 30 * 60 * 1000;
      const recent = await control<{
        id: string;
        igsids: Record<string, string>;
        conversations: { id: string; account: string; igsid: string; lastInboundAt: number }[];
      }>(sandbox, "POST", "leads", {
        username: "priya.sharma.ins",
        name: "Priya Sharma",
        conversations: [
          { account: account.igAccountId, igsid: "9700000000000010", lastInboundAt: recentAt },
        ],
      });
      assert.deepEqual(recent.igsids, { [account.igAccountId]: "9700000000000010" });
      assert.equal(recent.conversations.length, 1);
      assert.equal(recent.conversations[0]!.igsid, "9700000000000010");
      assert.equal(recent.conversations[0]!.lastInboundAt, recentAt);
      const looked = await control<{ igsid: string }>(
        sandbox,
        "GET",
        `leads/${recent.id}?account=${account.igAccountId}`,
      );
      assert.equal(looked.igsid, "9700000000000010");
      const old = await control<{ id: string }>(sandbox, "POST", "leads", {
        username: "lukasz.nowak",
        name: "Łukasz Nowak",
        conversations: [{
          account: account.igAccountId,
          igsid: "9700000000000016",
          lastInboundAt: Date.now() - 49 * HOUR,
        }],
      });

      // Inside the window the Send API answers; outside it, Meta's window error (§2).
      const send = (igsid: string) =>
        graph(sandbox, "graph.instagram.com/v25.0/me/messages", {
          method: "POST",
          token: account.accessToken,
          body: { recipient: { id: igsid }, message: { text: "Happy to walk you through it!" } },
        });
      const sent = await send("9700000000000010");
      assert.equal(sent.status, 200);
      assert.equal(sent.body.recipient_id, "9700000000000010");
      assert.ok(sent.body.message_id);
      const refused = await send("9700000000000016");
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 10);
      assert.equal(refused.body.error.error_subcode, 2534022);
      const log = await control<{ leadId: string; outcome: { ok: boolean } }[]>(
        sandbox,
        "GET",
        `sent?account=${account.igAccountId}`,
      );
      assert.deepEqual(log.map((s) => [s.leadId, s.outcome.ok]), [[recent.id, true], [
        old.id,
        false,
      ]]);

      // Their message gave profile consent (§5), as it did at Meta.
      const profile = await graph(sandbox, "graph.instagram.com/v25.0/9700000000000016", {
        token: account.accessToken,
        query: { fields: "name,username" },
      });
      assert.equal(profile.status, 200);
      assert.equal(profile.body.username, "lukasz.nowak");

      // The Conversations API lists both with the lead's IGSID; the earlier messages are not
      // known to the sandbox, only what was sent since.
      const list = await graph(sandbox, "graph.instagram.com/v25.0/me/conversations", {
        token: account.accessToken,
        query: { platform: "instagram", fields: "participants,messages{id}" },
      });
      assert.equal(list.status, 200);
      const byLead = new Map(
        // deno-lint-ignore no-explicit-any
        list.body.data.map((c: any) => [c.participants.data[1].id, c.messages.data.length]),
      );
      assert.deepEqual(
        Object.fromEntries(byLead),
        { "9700000000000010": 1, "9700000000000016": 0 },
      );

      // The lead writes again: the same IGSID and conversation.
      const again = await control<{ igsid: string; conversationId: string }>(
        sandbox,
        "POST",
        `leads/${recent.id}/messages`,
        { account: account.igAccountId, text: "Thanks!" },
      );
      assert.equal(again.igsid, "9700000000000010");
      assert.equal(again.conversationId, recent.conversations[0]!.id);
    } finally {
      await sandbox.stop();
    }
  },
);

Deno.test(
  "earlier conversations are checked before the lead is made: account, IGSID, time",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const account = await control<{ igAccountId: string }>(sandbox, "POST", "accounts", {
        username: "northwind.careers",
        loginPath: "instagram_login",
      });
      const at = Date.now() - HOUR;
      await control(sandbox, "POST", "leads", {
        username: "maria.gonzalez.fl",
        conversations: [{
          account: account.igAccountId,
          igsid: "9700000000000001",
          lastInboundAt: at,
        }],
      });
      const attempt = async (conversations: unknown) => {
        const response = await fetch(`${sandbox.url}/_sandbox/leads`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: "someone.else", conversations }),
        });
        return { status: response.status, body: await response.json() };
      };
      const taken = await attempt([
        { account: account.igAccountId, igsid: "9700000000000001", lastInboundAt: at },
      ]);
      assert.equal(taken.status, 409);
      assert.match(taken.body.error, /another lead's/);
      assert.equal(
        (await attempt([{ account: "17849999999999999", lastInboundAt: at }])).status,
        404,
      );
      assert.equal(
        (await attempt([{ account: account.igAccountId, lastInboundAt: Date.now() + HOUR }]))
          .status,
        422,
      );
      assert.equal(
        (await attempt([
          { account: account.igAccountId, lastInboundAt: at },
          { account: account.igAccountId, lastInboundAt: at },
        ])).status,
        422,
      );
      assert.equal(
        (await attempt([{ account: account.igAccountId, igsid: "priya", lastInboundAt: at }]))
          .status,
        422,
      );
      assert.equal((await attempt([{ account: account.igAccountId }])).status, 422);
      const leads = await control<{ username: string }[]>(sandbox, "GET", "leads");
      assert.deepEqual(leads.map((l) => l.username), ["maria.gonzalez.fl"]);

      // Without an IGSID one is minted, as for any lead the account meets.
      const minted = await attempt([{ account: account.igAccountId, lastInboundAt: at }]);
      assert.equal(minted.status, 201);
      assert.match(minted.body.conversations[0].igsid, /^\d{16}$/);
    } finally {
      await sandbox.stop();
    }
  },
);
