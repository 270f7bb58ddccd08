import assert from "node:assert/strict";
import {
  accountWithConversation,
  control,
  credentials,
  graph,
  startTestSandbox,
  testOptions,
  WebhookReceiver,
} from "./test-support.ts";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

Deno.test(
  "Send API: success answers recipient_id and message_id, then a signed echo webhook",
  testOptions,
  async () => {
    const receiver = new WebhookReceiver();
    const sandbox = await startTestSandbox({ webhookUrl: receiver.url });
    try {
      const { account, igsid } = await accountWithConversation(sandbox);
      await receiver.waitFor(1); // the lead's own message
      const sent = await graph(sandbox, "graph.instagram.com/v25.0/me/messages", {
        method: "POST",
        token: account.accessToken,
        body: { recipient: { id: igsid }, message: { text: "Yes! Want to chat tomorrow? 🙂" } },
      });
      assert.equal(sent.status, 200);
      assert.equal(sent.body.recipient_id, igsid);
      assert.ok(sent.body.message_id);

      const [, echo] = await receiver.waitFor(2);
      assert.ok(
        await echo!.validFor(credentials.instagramAppSecret),
        "signed with the Instagram app secret",
      );
      assert.equal(await echo!.validFor(credentials.metaAppSecret), false);
      assert.equal(echo!.json.object, "instagram");
      const entry = echo!.json.entry[0];
      assert.equal(entry.id, account.igAccountId);
      const event = entry.messaging[0];
      assert.deepEqual(event.sender, { id: account.igAccountId });
      assert.deepEqual(event.recipient, { id: igsid });
      assert.equal(event.message.mid, sent.body.message_id);
      assert.equal(event.message.is_echo, true);
      assert.equal(event.message.text, "Yes! Want to chat tomorrow? 🙂");

      // The `/<IG_ID>/messages` form and the access_token query work too.
      const byId = await graph(
        sandbox,
        `graph.instagram.com/v25.0/${account.igAccountId}/messages`,
        {
          method: "POST",
          query: { access_token: account.accessToken },
          body: {
            recipient: { id: igsid },
            message: {
              attachment: { type: "image", payload: { url: "https://example.com/a.png" } },
            },
          },
        },
      );
      assert.equal(byId.status, 200);
      const log = await control<{ outcome: { ok: boolean } }[]>(
        sandbox,
        "GET",
        `sent?account=${account.igAccountId}`,
      );
      assert.equal(log.length, 2);
      assert.ok(log.every((s) => s.outcome.ok));
    } finally {
      await sandbox.stop();
      await receiver.stop();
    }
  },
);

Deno.test(
  "Send API (Facebook Login): Page token on graph.facebook.com, echo signed with the Meta app secret",
  testOptions,
  async () => {
    const receiver = new WebhookReceiver();
    const sandbox = await startTestSandbox({ webhookUrl: receiver.url });
    try {
      const { account, igsid } = await accountWithConversation(sandbox, {
        loginPath: "facebook_login",
      });
      const [inbound] = await receiver.waitFor(1);
      assert.ok(await inbound!.validFor(credentials.metaAppSecret));
      const response = await fetch(
        `${sandbox.url}/graph.facebook.com/v25.0/me/messages?access_token=${account.accessToken}`,
        {
          method: "POST",
          body: new URLSearchParams({
            recipient: JSON.stringify({ id: igsid }),
            message: JSON.stringify({ text: "Hello" }),
          }),
        },
      );
      const body = await response.json();
      assert.equal(response.status, 200);
      assert.equal(body.recipient_id, igsid);
      const [, echo] = await receiver.waitFor(2);
      assert.ok(await echo!.validFor(credentials.metaAppSecret));
      assert.equal(echo!.json.entry[0].messaging[0].message.is_echo, true);

      const conversations = await graph(
        sandbox,
        `graph.facebook.com/v25.0/${account.pageId}/conversations`,
        {
          token: account.accessToken,
          query: { platform: "instagram" },
        },
      );
      assert.equal(conversations.body.data.length, 1);
      const profile = await graph(sandbox, `graph.facebook.com/v25.0/${igsid}`, {
        token: account.accessToken,
        query: { fields: "name,username" },
      });
      assert.equal(profile.body.name, "Maya Okafor");
    } finally {
      await sandbox.stop();
      await receiver.stop();
    }
  },
);

Deno.test(
  "Send API: the 24 h window (403, 10/2534022) and HUMAN_AGENT within 7 days with the permission",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const send = (token: string, igsid: string, extra: Record<string, unknown> = {}) =>
        graph(sandbox, "graph.instagram.com/v25.0/me/messages", {
          method: "POST",
          token,
          body: { recipient: { id: igsid }, message: { text: "Following up" }, ...extra },
        });
      const old = await accountWithConversation(sandbox, { at: Date.now() - 25 * HOUR });
      const outside = await send(old.account.accessToken, old.igsid);
      assert.equal(outside.status, 403);
      assert.equal(outside.body.error.message, "This message is sent outside of allowed window.");
      assert.equal(outside.body.error.type, "IGApiException");
      assert.equal(outside.body.error.code, 10);
      assert.equal(outside.body.error.error_subcode, 2534022);
      // Without the Human Agent feature the tag does not help.
      const tagged = await send(old.account.accessToken, old.igsid, {
        tag: "HUMAN_AGENT",
        messaging_type: "MESSAGE_TAG",
      });
      assert.equal(tagged.status, 403);

      const agent = await accountWithConversation(sandbox, {
        humanAgent: true,
        at: Date.now() - 3 * DAY,
      });
      assert.equal((await send(agent.account.accessToken, agent.igsid)).status, 403);
      const human = await send(agent.account.accessToken, agent.igsid, { tag: "HUMAN_AGENT" });
      assert.equal(human.status, 200);
      const sent = await control<{ tag?: string }[]>(
        sandbox,
        "GET",
        `sent?account=${agent.account.igAccountId}`,
      );
      assert.equal(sent.at(-1)!.tag, "HUMAN_AGENT");

      const stale = await accountWithConversation(sandbox, {
        humanAgent: true,
        at: Date.now() - 8 * DAY,
      });
      assert.equal(
        (await send(stale.account.accessToken, stale.igsid, { tag: "HUMAN_AGENT" })).status,
        403,
      );
      const otherTag = await send(agent.account.accessToken, agent.igsid, {
        tag: "ACCOUNT_UPDATE",
      });
      assert.equal(otherTag.body.error.code, 100);
    } finally {
      await sandbox.stop();
    }
  },
);

Deno.test(
  "Send API: 1000 UTF-8 bytes, unknown recipient, blocked lead, DMs disabled, bad tokens",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const { account, lead, igsid } = await accountWithConversation(sandbox);
      const send = (message: unknown, recipient = igsid, token = account.accessToken) =>
        graph(sandbox, "graph.instagram.com/v25.0/me/messages", {
          method: "POST",
          token,
          body: { recipient: { id: recipient }, message },
        });
      // "👋" is 4 UTF-8 bytes: 250 of them are exactly 1000 bytes (but only 500 UTF-16 units).
      assert.equal((await send({ text: "👋".repeat(250) })).status, 200);
      const tooLong = await send({ text: "👋".repeat(250) + "!" });
      assert.equal(tooLong.status, 400);
      assert.equal(tooLong.body.error.code, 100);

      const unknown = await send({ text: "hi" }, "1234567890123456");
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.error.code, 100);
      assert.equal(unknown.body.error.error_subcode, 2534014);

      // The same person's IGSID for another account is not valid here (§5: IGSIDs are per account).
      const other = await control<{ igAccountId: string }>(sandbox, "POST", "accounts", {
        username: "contoso.jobs",
        loginPath: "instagram_login",
      });
      const otherIgsid = (await control<{ igsid: string }>(
        sandbox,
        "GET",
        `leads/${lead.id}?account=${other.igAccountId}`,
      )).igsid;
      assert.notEqual(otherIgsid, igsid);
      assert.equal((await send({ text: "hi" }, otherIgsid)).body.error.error_subcode, 2534014);

      await control(sandbox, "PATCH", `leads/${lead.id}`, { blocked: true });
      const blocked = await send({ text: "hi" });
      assert.equal(blocked.body.error.code, 551);
      assert.match(blocked.body.error.message, /isn't receiving messages from you right now/);
      await control(sandbox, "PATCH", `leads/${lead.id}`, { blocked: false });

      await control(sandbox, "PATCH", `accounts/${account.igAccountId}`, { dmsDisabled: true });
      const disabled = await send({ text: "hi" });
      assert.equal(disabled.body.error.code, 200);
      assert.equal(disabled.body.error.error_subcode, 2534041);
      await control(sandbox, "PATCH", `accounts/${account.igAccountId}`, { dmsDisabled: false });

      await control(sandbox, "POST", `accounts/${account.igAccountId}/scopes`, {
        granted: ["instagram_business_basic"],
      });
      const noPermission = await send({ text: "hi" });
      assert.equal(noPermission.status, 403);
      assert.equal(noPermission.body.error.code, 10);
      await control(sandbox, "POST", `accounts/${account.igAccountId}/scopes`, {
        granted: ["instagram_business_basic", "instagram_business_manage_messages"],
      });

      await control(sandbox, "POST", "tokens/age", {
        account: account.igAccountId,
        hours: 24 * 61,
      });
      const expired = await send({ text: "hi" });
      assert.equal(expired.status, 400);
      assert.equal(expired.body.error.code, 190);
      assert.equal(expired.body.error.error_subcode, 463);

      const garbage = await send({ text: "hi" }, igsid, "not-a-token");
      assert.equal(garbage.body.error.code, 190);
    } finally {
      await sandbox.stop();
    }
  },
);

Deno.test("Send API: revoked token 190/460; reactions by the business", testOptions, async () => {
  const sandbox = await startTestSandbox();
  try {
    const { account, igsid, mid } = await accountWithConversation(sandbox);
    const react = await graph(sandbox, "graph.instagram.com/v25.0/me/messages", {
      method: "POST",
      token: account.accessToken,
      body: {
        recipient: { id: igsid },
        sender_action: "react",
        payload: { message_id: mid, reaction: "love" },
      },
    });
    assert.deepEqual(react.body, { recipient_id: igsid });
    const detail = await graph(sandbox, `graph.instagram.com/v25.0/${mid}`, {
      token: account.accessToken,
      query: { fields: "reactions" },
    });
    assert.equal(detail.body.reactions.data[0].reaction, "love");

    await control(sandbox, "POST", "tokens/revoke", { account: account.igAccountId });
    const revoked = await graph(sandbox, "graph.instagram.com/v25.0/me/messages", {
      method: "POST",
      token: account.accessToken,
      body: { recipient: { id: igsid }, message: { text: "hi" } },
    });
    assert.equal(revoked.status, 400);
    assert.equal(revoked.body.error.code, 190);
    assert.equal(revoked.body.error.error_subcode, 460);
  } finally {
    await sandbox.stop();
  }
});
