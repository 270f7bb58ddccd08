import type { Agent, AppBskyNotificationListNotifications } from "@atproto/api";
import type { MessageAttachment } from "../../../../shared/src/schemas/message.ts";
import { asService } from "../db.ts";
import type { BlueskyAccount } from "./account-agent.ts";
import { conversationWith } from "./bluesky-contacts.ts";
import { type PostRecord, postReferences } from "./post-refs.ts";

type Notification = AppBskyNotificationListNotifications.Notification;

const PAGE = 50;
/** pages read in one run; what is older waits for the next run, the cursor keeps its place */
const MAX_PAGES = 10;

/**
 * New mentions and replies since the stored cursor (docs/bluesky.md §3), each stored once as an
 * inbound message of the author's public conversation, oldest first. Bluesky pages backwards, so
 * pages are read from the newest down to the cursor; the first run takes one page. The cursor
 * (the newest `indexedAt` seen) and Bluesky's seen state move only after everything is stored, so
 * a run that fails halfway is done again, and the post URI keeps that from storing twice.
 */
export async function pollNotifications(agent: Agent, account: BlueskyAccount): Promise<number> {
  const since = account.notifications_cursor;
  const wanted: Notification[] = [];
  let newest: string | undefined;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    // every mention, not only those of people the account follows (docs/bluesky.md §3 "priority")
    const { data } = await agent.app.bsky.notification.listNotifications({
      limit: PAGE,
      cursor,
      priority: false,
    });
    let reachedCursor = false;
    for (const notification of data.notifications) {
      newest ??= notification.indexedAt;
      // strictly older: one indexed in the same millisecond as the cursor may be new
      if (since && notification.indexedAt < since) {
        reachedCursor = true;
        break;
      }
      if (notification.reason === "mention" || notification.reason === "reply") {
        wanted.push(notification);
      }
    }
    if (reachedCursor || !since || !data.cursor) break;
    cursor = data.cursor;
  }

  const images = await imagesOf(agent, wanted);
  let stored = 0;
  for (const notification of wanted.reverse()) {
    if (await storeNotification(account, notification, images.get(notification.uri) ?? [])) {
      stored++;
    }
  }
  if (newest && newest !== since) {
    await asService((tx) =>
      tx`update public.channel_accounts set notifications_cursor = ${newest}
         where id = ${account.id} and notifications_cursor is not distinct from ${since}`
    );
    await agent.app.bsky.notification.updateSeen({ seenAt: newest });
  }
  return stored;
}

/**
 * Image links come only with post views (a record holds blob references): one getPosts call for
 * the posts with an image embed.
 */
async function imagesOf(agent: Agent, notifications: Notification[]) {
  const images = new Map<string, MessageAttachment[]>();
  const uris = notifications
    .filter((n) => (n.record as PostRecord).embed?.$type?.startsWith("app.bsky.embed.images"))
    .map((n) => n.uri);
  for (let i = 0; i < uris.length; i += 25) {
    const { data } = await agent.app.bsky.feed.getPosts({ uris: uris.slice(i, i + 25) });
    for (const post of data.posts) {
      const embed = post.embed as
        | { $type?: string; images?: { fullsize: string; thumb: string; alt: string }[] }
        | undefined;
      if (embed?.$type !== "app.bsky.embed.images#view" || !embed.images) continue;
      images.set(
        post.uri,
        embed.images.map((image) => ({
          type: "image",
          url: image.fullsize,
          thumb: image.thumb,
          alt: image.alt,
        })),
      );
    }
  }
  return images;
}

/** One notification as a message; false when its post was already stored. */
async function storeNotification(
  account: BlueskyAccount,
  notification: Notification,
  attachments: MessageAttachment[],
): Promise<boolean> {
  const record = notification.record as PostRecord;
  const post = postReferences(
    { uri: notification.uri, cid: notification.cid },
    record,
    notification.author.handle,
    notification.reason as "mention" | "reply",
  );
  return await asService(async (tx) => {
    const [known] = await tx`
      select 1 from public.messages
      where channel_account_id = ${account.id} and external_id = ${notification.uri}`;
    if (known) return false;
    const { conversationId } = await conversationWith(tx, account, notification.author, "public");
    const [inserted] = await tx`
      insert into public.messages (imo_id, channel_account_id, conversation_id, external_id,
        direction, author_kind, type, text, attachments, reply_to_external_id, reply_to_message_id,
        post, status, sent_at)
      values (${account.imo_id}, ${account.id}, ${conversationId}, ${notification.uri},
        'inbound', 'contact', ${attachments.length ? "media" : "text"}, ${record.text || null},
        ${tx.json(attachments as never)}, ${post.parent?.uri ?? null},
        (select m.id from public.messages m where m.channel_account_id = ${account.id}
           and m.external_id = ${
      post.parent?.uri ?? null
    } and m.conversation_id = ${conversationId}),
        ${tx.json(post as never)}, 'sent', ${notification.indexedAt})
      on conflict (channel_account_id, external_id) do nothing
      returning id`;
    return Boolean(inserted);
  });
}
