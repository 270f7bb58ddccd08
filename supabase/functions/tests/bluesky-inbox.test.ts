/**
 * Mentions and replies into the inbox, and replies out of it, against the real local AT Protocol
 * network (PLC, PDS, AppView): no mocks.
 */
import type { AppBskyFeedDefs, AppBskyFeedPost } from "@atproto/api";
import assert from "node:assert/strict";
import type { MessagePost } from "../../../shared/src/schemas/message.ts";
import { connectBlueskyAccount, pollNow } from "../../../scripts/testing/bluesky-account.ts";
import { createBlueskyUser, postAs, processAll } from "../../../scripts/testing/bluesky-network.ts";
import { callFunction, createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "a mention, a reply, and a reply that also mentions us each arrive once, polled twice",
  options,
  async () => {
    const admin = await createWorkspace({ plan: "team", label: "bsky-poll" });
    try {
      const acme = await connectBlueskyAccount(admin, "acme");
      const quinn = await createBlueskyUser("quinn");
      // our own post, which quinn answers twice
      const ours = await postAs(acme, "We are hiring agents in Ohio 🌽");
      // the AppView indexes each repo on its own: a reply indexed before the post it answers
      // notifies nobody, and quinn can only answer a post the AppView has shown him
      await processAll();
      const mention = await postAs(
        quinn,
        `hey @${acme.handle} 👋 is this still open? https://example.com/jobs`,
      );
      const reply = await postAs(quinn, "Interested!", { reply: { root: ours, parent: ours } });
      const both = await postAs(quinn, `@${acme.handle} sent you my resume`, {
        reply: { root: ours, parent: reply },
      });
      await processAll();

      const first = await pollNow(admin, acme.accountId);
      const second = await pollNow(admin, acme.accountId);

      assert.equal(first.error, null);
      assert.equal(second.posts, 0, "the second poll stores nothing again");
      const rows = await admin.sql<
        {
          external_id: string;
          text: string;
          direction: string;
          post: MessagePost;
          kind: string;
          username: string;
        }[]
      >`
        select m.external_id, m.text, m.direction, m.post, c.kind, k.username
        from public.messages m join public.conversations c on c.id = m.conversation_id
        join public.contacts k on k.id = c.contact_id
        where m.channel_account_id = ${acme.accountId} order by m.sent_at`;
      assert.deepEqual(rows.map((r) => r.external_id), [mention.uri, reply.uri, both.uri]);
      // one notification per person per post, the mention first (docs/bluesky.md §3)
      assert.deepEqual(rows.map((r) => r.post.reason), ["mention", "reply", "mention"]);
      assert.ok(rows.every((r) => r.kind === "public" && r.direction === "inbound"));
      assert.ok(rows.every((r) => r.username === quinn.handle));
      assert.deepEqual(rows[0]!.post.root, { uri: mention.uri, cid: mention.cid });
      assert.deepEqual(rows[2]!.post.root, { uri: ours.uri, cid: ours.cid });
      assert.deepEqual(rows[2]!.post.parent, { uri: reply.uri, cid: reply.cid });
      assert.match(rows[0]!.post.url, /^https:\/\/bsky\.app\/profile\/.+\/post\/[a-z0-9]+$/);
      assert.equal(rows[0]!.post.facets?.length, 2, "the mention and the link");
      const conversations = await admin.sql`
        select id from public.conversations where channel_account_id = ${acme.accountId}`;
      assert.equal(conversations.length, 1, "one public conversation per author");

      // the cursor is in the database, so a restarted function carries on from it
      const [account] = await admin.sql`
        select notifications_cursor, last_polled_at from public.channel_accounts
        where id = ${acme.accountId}`;
      assert.ok(account!.notifications_cursor && account!.last_polled_at);
      const { data: unread } = await acme.agent.app.bsky.notification.getUnreadCount({
        priority: false,
      });
      assert.equal(unread.count, 0, "Bluesky's seen state moved");
      const later = await postAs(quinn, `@${acme.handle} one more thing`);
      await processAll();
      assert.equal((await pollNow(admin, acme.accountId)).error, null);
      const all = await admin.sql`
        select external_id, sent_at from public.messages
        where channel_account_id = ${acme.accountId} order by sent_at`;
      assert.deepEqual(
        all.map((m) => m.external_id),
        [mention.uri, reply.uri, both.uri, later.uri],
        JSON.stringify(all),
      );
    } finally {
      await admin.close();
    }
  },
);

Deno.test(
  "a reply from the inbox lands in the thread with the right root, facets in UTF-8 bytes",
  options,
  async () => {
    const admin = await createWorkspace({ plan: "team", role: "recruiter", label: "bsky-reply" });
    try {
      // a recruiter may not connect; the account comes from an admin of the same IMO
      await admin.sql`update public.imo_members set role = 'admin' where user_id = ${admin.userId}`;
      const acme = await connectBlueskyAccount(admin, "acmejobs");
      await admin
        .sql`update public.imo_members set role = 'recruiter' where user_id = ${admin.userId}`;
      const rory = await createBlueskyUser("rory");
      const root = await postAs(rory, "Looking for a new role, anyone hiring?");
      const mention = await postAs(rory, `@${acme.handle} are you?`, {
        reply: { root, parent: root },
      });
      await processAll();
      await pollNow(admin, acme.accountId);
      const [conversation] = await admin.sql`
        select id from public.conversations where channel_account_id = ${acme.accountId}`;

      const text = `Yes! 🎉 @${rory.handle} see https://example.com/apply`;
      const response = await callFunction(admin, "bluesky-send-message", {
        body: { conversation_id: conversation!.id, client_message_id: crypto.randomUUID(), text },
      });
      const body = await response.json();
      assert.equal(response.status, 200, JSON.stringify(body));
      assert.equal(body.message.status, "sent", JSON.stringify(body.message));
      assert.match(body.message.external_id, /^at:\/\/did:.+\/app\.bsky\.feed\.post\//);
      assert.equal(body.message.post.root.uri, root.uri, "the thread's root, not the mention");
      assert.equal(body.message.post.parent.uri, mention.uri);
      await processAll();

      const { data } = await rory.agent.getPostThread({ uri: root.uri, depth: 5 });
      const thread = data.thread as AppBskyFeedDefs.ThreadViewPost;
      const level1 = thread.replies![0] as AppBskyFeedDefs.ThreadViewPost;
      const ourReply = level1.replies![0] as AppBskyFeedDefs.ThreadViewPost;
      assert.equal(ourReply.post.uri, body.message.external_id, "our reply is in the thread");
      const record = ourReply.post.record as AppBskyFeedPost.Record;
      assert.equal(record.reply!.root.uri, root.uri);
      assert.equal(record.text, text);
      const bytes = new TextEncoder().encode(text);
      const slice = (i: { byteStart: number; byteEnd: number }) =>
        new TextDecoder().decode(bytes.slice(i.byteStart, i.byteEnd));
      const facets = record.facets!.map((f) => [slice(f.index), f.features[0]!.$type]);
      assert.deepEqual(facets, [
        [`@${rory.handle}`, "app.bsky.richtext.facet#mention"],
        ["https://example.com/apply", "app.bsky.richtext.facet#link"],
      ]);
      // "Yes! 🎉 " is 10 bytes but 8 UTF-16 units: a string index would be off by two
      assert.equal(record.facets![0]!.index.byteStart, 10);
      assert.equal(
        (record.facets![0]!.features[0] as { did: string }).did,
        rory.did,
        "the mention names rory's DID",
      );

      const tooLong = await callFunction(admin, "bluesky-send-message", {
        body: {
          conversation_id: conversation!.id,
          client_message_id: crypto.randomUUID(),
          text: "👍🏽".repeat(301),
        },
      });
      assert.equal(tooLong.status, 422);
      assert.match(JSON.stringify(await tooLong.json()), /300 characters/);
      const exactly300 = await callFunction(admin, "bluesky-send-message", {
        body: {
          conversation_id: conversation!.id,
          client_message_id: crypto.randomUUID(),
          text: "👍🏽".repeat(300),
        },
      });
      assert.equal((await exactly300.json()).message.status, "sent", "300 graphemes go out");
    } finally {
      await admin.close();
    }
  },
);

Deno.test(
  "an image post with alt text round-trips through the PDS and AppView",
  options,
  async () => {
    const admin = await createWorkspace({ plan: "team", label: "bsky-publish" });
    try {
      const acme = await connectBlueskyAccount(admin, "publisher");
      const png = Uint8Array.from(
        atob(
          "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==",
        ),
        (c) => c.charCodeAt(0),
      );
      const text = "Deal of the day 🔥 ask @" + acme.handle + " https://example.com/deal";
      const response = await callFunction(admin, "bluesky-publish-post", {
        body: {
          account_id: acme.accountId,
          text,
          images: [{
            mime_type: "image/png",
            data_base64: btoa(String.fromCharCode(...png)),
            alt: "A tiny red square",
            aspect_ratio: { width: 2, height: 2 },
          }],
        },
      });
      const body = await response.json();
      assert.equal(response.status, 200, JSON.stringify(body));
      await processAll();

      const { data } = await acme.agent.getPosts({ uris: [body.uri] });
      const post = data.posts[0]!;
      const embed = post.embed as { $type: string; images: { alt: string; fullsize: string }[] };
      assert.equal(embed.$type, "app.bsky.embed.images#view");
      assert.equal(embed.images[0]!.alt, "A tiny red square");
      const record = post.record as AppBskyFeedPost.Record;
      const blob = (record.embed as { images: { image: { ref: { toString(): string } } }[] })
        .images[0]!.image.ref.toString();
      const { data: original } = await acme.agent.com.atproto.sync.getBlob({
        did: acme.did,
        cid: blob,
      });
      assert.deepEqual(new Uint8Array(original), png, "the blob is the bytes we uploaded");
      const bytes = new TextEncoder().encode(text);
      const mention = record.facets!.find((f) => f.features[0]!.$type.endsWith("#mention"))!;
      assert.equal(
        new TextDecoder().decode(bytes.slice(mention.index.byteStart, mention.index.byteEnd)),
        `@${acme.handle}`,
      );

      const noAlt = await callFunction(admin, "bluesky-publish-post", {
        body: {
          account_id: acme.accountId,
          text: "no alt",
          images: [{
            mime_type: "image/png",
            data_base64: btoa(String.fromCharCode(...png)),
            alt: " ",
          }],
        },
      });
      assert.equal(noAlt.status, 422, "alt text is required");
      await noAlt.body?.cancel();
    } finally {
      await admin.close();
    }
  },
);
