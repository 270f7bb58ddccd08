import type { MessagePost, PostRef } from "../../../../shared/src/schemas/message.ts";

/** A post record as Bluesky stores it, the parts DM Desk reads (docs/bluesky.md §4). */
export interface PostRecord {
  text?: string;
  facets?: unknown[];
  reply?: { root: PostRef; parent: PostRef };
  embed?: { $type?: string };
}

/** `https://bsky.app/profile/<handle or did>/post/<rkey>`, the post's page on the web. */
export function postWebUrl(uri: string, handle?: string | null): string {
  const [, , authority, , rkey] = uri.split("/");
  return `https://bsky.app/profile/${handle || authority}/post/${rkey}`;
}

/**
 * A post's thread references: a reply names its thread's root; a post that answers nothing is
 * the root of its own thread (docs/bluesky.md §4 "Replies").
 */
export function postReferences(
  ref: PostRef,
  record: PostRecord,
  handle: string | null,
  reason?: "mention" | "reply",
): MessagePost {
  return {
    uri: ref.uri,
    cid: ref.cid,
    root: record.reply?.root ? pickRef(record.reply.root) : pickRef(ref),
    parent: record.reply?.parent ? pickRef(record.reply.parent) : null,
    url: postWebUrl(ref.uri, handle),
    ...(record.facets?.length ? { facets: record.facets as MessagePost["facets"] } : {}),
    ...(reason ? { reason } : {}),
  };
}

/** The refs of a reply to `target`: the same root, the target as the parent. */
export function replyRefs(target: MessagePost): { root: PostRef; parent: PostRef } {
  return { root: pickRef(target.root), parent: { uri: target.uri, cid: target.cid } };
}

const pickRef = (ref: PostRef): PostRef => ({ uri: ref.uri, cid: ref.cid });
