import assert from "node:assert/strict";
import {
  accountWithConversation,
  control,
  credentials,
  startTestSandbox,
  testOptions,
  WebhookReceiver,
} from "./test-support.ts";

Deno.test(
  "webhooks: unicode text goes out as UTF-8 bytes and is signed over those bytes",
  testOptions,
  async () => {
    const receiver = new WebhookReceiver();
    const sandbox = await startTestSandbox({ webhookUrl: receiver.url });
    try {
      const { account, igsid } = await accountWithConversation(sandbox);
      const lead = (await control<{ id: string }[]>(sandbox, "GET", "leads"))[0]!;
      const text = "Olá! Ünïcödé — äöå 👋 求职";
      await control(sandbox, "POST", `leads/${lead.id}/messages`, {
        account: account.igAccountId,
        text,
      });
      const [, webhook] = await receiver.waitFor(2);
      assert.ok(webhook!.text.includes(text), "real characters, not \\u escapes");
      assert.ok(!webhook!.text.includes("\\u00e4"));
      const utf8 = new TextEncoder().encode(text);
      const raw = webhook!.raw;
      const found = raw.findIndex((_, i) => utf8.every((b, j) => raw[i + j] === b));
      assert.ok(found >= 0, "the UTF-8 bytes of the text are in the body");
      assert.match(webhook!.signature!, /^sha256=[0-9a-f]{64}$/);
      assert.ok(await webhook!.validFor(credentials.instagramAppSecret));

      const event = webhook!.json.entry[0].messaging[0];
      assert.equal(webhook!.json.object, "instagram");
      assert.equal(webhook!.json.entry[0].id, account.igAccountId);
      assert.deepEqual(event.sender, { id: igsid });
      assert.deepEqual(event.recipient, { id: account.igAccountId });
      assert.ok(event.timestamp > 1e12, "milliseconds by default");
      assert.equal(event.message.text, text);
    } finally {
      await sandbox.stop();
      await receiver.stop();
    }
  },
);

Deno.test("webhooks: every event kind in Meta's documented shape", testOptions, async () => {
  const receiver = new WebhookReceiver();
  const sandbox = await startTestSandbox({ webhookUrl: receiver.url });
  try {
    const { account, lead, mid } = await accountWithConversation(sandbox);
    const acct = account.igAccountId;
    const say = (body: Record<string, unknown>) =>
      control<{ mid: string }>(sandbox, "POST", `leads/${lead.id}/messages`, {
        account: acct,
        ...body,
      });
    await say({
      attachments: [{ type: "image" }, { type: "video" }, { type: "audio" }, { type: "file" }],
    });
    await say({ attachments: [{ type: "ig_post" }] });
    await say({ attachments: [{ type: "ig_reel" }, { type: "story_mention" }, { type: "share" }] });
    await say({
      text: "Loved this story",
      replyToStory: { url: "https://example.com/story.jpg", id: "17890000000000001" },
    });
    await say({ text: "Replying", replyToMid: mid });
    await say({ text: "Yes please", quickReplyPayload: "BOOK_CALL" });
    await say({ isUnsupported: true });
    await say({
      text: "From your ad",
      referral: {
        ref: "spring",
        ad_id: "6123",
        source: "ADS",
        type: "OPEN_THREAD",
        ads_context_data: { ad_title: "We're hiring" },
      },
    });
    await say({ text: "seconds please", timestampSeconds: true });
    await control(sandbox, "POST", `leads/${lead.id}/reactions`, {
      account: acct,
      mid,
      action: "react",
    });
    await control(sandbox, "POST", `leads/${lead.id}/reactions`, {
      account: acct,
      mid,
      action: "unreact",
    });
    await control(sandbox, "POST", `leads/${lead.id}/reads`, { account: acct, mid });
    await control(sandbox, "POST", `leads/${lead.id}/postbacks`, {
      account: acct,
      title: "Open roles",
      payload: "ROLES",
    });
    await control(sandbox, "POST", `leads/${lead.id}/referrals`, {
      account: acct,
      ref: "careers-page",
      source: "SHORTLINK",
    });
    await control(sandbox, "POST", `leads/${lead.id}/deletions`, { account: acct, mid });

    const events = (await receiver.waitFor(16)).slice(1).map((w) => w.json.entry[0].messaging[0]);
    const [
      media,
      post,
      reel,
      story,
      reply,
      quick,
      unsupported,
      ad,
      seconds,
      react,
      unreact,
      read,
      postback,
      referral,
      deleted,
    ] = events;
    assert.deepEqual(media.message.attachments.map((a: { type: string }) => a.type), [
      "image",
      "video",
      "audio",
      "file",
    ]);
    assert.ok(
      media.message.attachments.every((a: { payload: { url: string } }) =>
        a.payload.url.startsWith("http")
      ),
    );
    assert.deepEqual(Object.keys(post.message.attachments[0].payload).sort(), [
      "ig_post_media_id",
      "title",
      "url",
    ]);
    assert.deepEqual(reel.message.attachments.map((a: { type: string }) => a.type), [
      "ig_reel",
      "story_mention",
      "share",
    ]);
    assert.deepEqual(story.message.reply_to, {
      story: { url: "https://example.com/story.jpg", id: "17890000000000001" },
    });
    assert.deepEqual(reply.message.reply_to, { mid });
    assert.deepEqual(quick.message.quick_reply, { payload: "BOOK_CALL" });
    assert.equal(unsupported.message.is_unsupported, true);
    assert.equal(ad.message.referral.ad_id, "6123");
    assert.equal(ad.message.referral.ads_context_data.ad_title, "We're hiring");
    assert.ok(seconds.timestamp < 1e11, "seconds when asked");
    assert.deepEqual(react.reaction, {
      mid,
      action: "react",
      reaction: "love",
      emoji: "\u{2764}\u{FE0F}",
    });
    assert.deepEqual(unreact.reaction, { mid, action: "unreact" });
    assert.deepEqual(read.read, { mid });
    assert.equal(postback.postback.title, "Open roles");
    assert.equal(postback.postback.payload, "ROLES");
    assert.ok(postback.postback.mid);
    assert.deepEqual(referral.referral, {
      ref: "careers-page",
      source: "SHORTLINK",
      type: "OPEN_THREAD",
    });
    assert.deepEqual(deleted.message, { mid, is_deleted: true });
  } finally {
    await sandbox.stop();
    await receiver.stop();
  }
});

Deno.test(
  "webhooks: retry after a receiver 500, and nothing for unsubscribed accounts",
  testOptions,
  async () => {
    const receiver = new WebhookReceiver();
    const sandbox = await startTestSandbox({ webhookUrl: receiver.url });
    try {
      receiver.answers.push(500, 503);
      const { account, lead } = await accountWithConversation(sandbox);
      const delivered = await control<{ delivery: { status: number; attempts: number } }>(
        sandbox,
        "POST",
        `leads/${lead.id}/messages`,
        { account: account.igAccountId, text: "again" },
      );
      assert.deepEqual(delivered.delivery.status, 200);
      assert.equal(delivered.delivery.attempts, 1);
      const log = await control<{ status: number; attempts: number }[]>(
        sandbox,
        "GET",
        "deliveries",
      );
      assert.equal(log[0]!.attempts, 3, "500, 503, then 200");
      assert.equal(log[0]!.status, 200);

      receiver.answers.push(500, 500, 500, 500);
      const failed = await control<{ delivery: { status: number; attempts: number; ok: boolean } }>(
        sandbox,
        "POST",
        `leads/${lead.id}/messages`,
        { account: account.igAccountId, text: "lost" },
      );
      assert.equal(failed.delivery.status, 500);
      assert.equal(failed.delivery.attempts, 4, "1 try + 3 retries");
      assert.equal(failed.delivery.ok, false);

      const quiet = await control<{ igAccountId: string }>(sandbox, "POST", "accounts", {
        username: "quiet",
        loginPath: "instagram_login",
      });
      const skipped = await control<{ delivery: { status: string } }>(
        sandbox,
        "POST",
        `leads/${lead.id}/messages`,
        {
          account: quiet.igAccountId,
          text: "hello?",
        },
      );
      assert.equal(skipped.delivery.status, "not_subscribed");
    } finally {
      await sandbox.stop();
      await receiver.stop();
    }
  },
);

Deno.test(
  "webhooks: raw batches with several entries, duplicates, shuffling and bad signatures",
  testOptions,
  async () => {
    const receiver = new WebhookReceiver();
    const sandbox = await startTestSandbox({ webhookUrl: receiver.url });
    try {
      const a = await control<{ igAccountId: string }>(sandbox, "POST", "accounts", {
        username: "a",
        loginPath: "instagram_login",
      });
      const b = await control<{ igAccountId: string }>(sandbox, "POST", "accounts", {
        username: "b",
        loginPath: "instagram_login",
      });
      const event = (n: number) => ({
        sender: { id: "1" },
        recipient: { id: a.igAccountId },
        timestamp: n,
        message: { mid: `m${n}`, text: `#${n}` },
      });
      const batch = await control<{ body: string; signature: string }>(sandbox, "POST", "deliver", {
        entries: [{ account: a.igAccountId, events: [event(1), event(2), event(3)] }, {
          account: b.igAccountId,
          events: [event(4)],
        }],
        batch: { duplicate: true, shuffle: true },
      });
      const [received] = await receiver.waitFor(1);
      assert.equal(received!.text, batch.body);
      assert.equal(received!.json.entry.length, 2);
      const mids = received!.json.entry.flatMap((
        e: { messaging: { message: { mid: string } }[] },
      ) => e.messaging.map((m) => m.message.mid));
      assert.equal(mids.length, 8);
      assert.deepEqual([...new Set(mids)].sort(), ["m1", "m2", "m3", "m4"]);
      assert.ok(await received!.validFor(credentials.instagramAppSecret));

      const page = await control<{ igAccountId: string }>(sandbox, "POST", "accounts", {
        username: "c",
        loginPath: "facebook_login",
      });
      const mixed = await fetch(`${sandbox.url}/_sandbox/deliver`, {
        method: "POST",
        body: JSON.stringify({
          entries: [{ account: a.igAccountId, events: [] }, {
            account: page.igAccountId,
            events: [],
          }],
        }),
      });
      assert.equal(mixed.status, 422, "one POST has one signature");
      await mixed.body?.cancel();
      await control(sandbox, "POST", "deliver", {
        account: a.igAccountId,
        events: [event(5)],
        signWith: "wrong",
      });
      await control(sandbox, "POST", "deliver", {
        account: a.igAccountId,
        events: [event(6)],
        signWith: "none",
      });
      const [, wrong, none] = await receiver.waitFor(3);
      assert.equal(await wrong!.validFor(credentials.instagramAppSecret), false);
      assert.equal(none!.signature, null);
    } finally {
      await sandbox.stop();
      await receiver.stop();
    }
  },
);

Deno.test(
  "seeded sandbox: northwind.careers, northwind.talent behind a Page, leads; reset brings them back",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox({ seed: true });
    try {
      const state = await control<
        { accounts: { igAccountId: string; username: string }[]; leads: unknown[] }
      >(sandbox, "GET", "state");
      assert.deepEqual(state.accounts.map((a) => [a.igAccountId, a.username]), [
        ["17841400000000001", "northwind.careers"],
        ["17841400000000002", "northwind.talent"],
      ]);
      assert.ok(state.leads.length >= 3);
      await control(sandbox, "POST", "accounts", {
        username: "extra",
        loginPath: "instagram_login",
      });
      await control(sandbox, "POST", "reset");
      const after = await control<{ accounts: unknown[] }>(sandbox, "GET", "state");
      assert.equal(after.accounts.length, 2);
      const page = await fetch(`${sandbox.url}/`);
      assert.match(await page.text(), /Send a DM as a lead/);
    } finally {
      await sandbox.stop();
    }
  },
);
