import { z } from "zod";
import { queueCommentRuleReplies } from "../comments/rule-matching.ts";
import type { Tx } from "../db.ts";
import {
  type CommentValue,
  commentValueSchema,
  mentionValueSchema,
  type WebhookChange,
} from "./comment-payload.ts";
import type { RoutedAccount } from "./conversation-upsert.ts";
import { toDate } from "./payload.ts";

/** A version of a comment's text, as `comments.edits` keeps them. */
interface Version {
  text: string;
  at: string;
}

interface StoredComment {
  id: string;
  text: string;
  edits: Version[];
  commented_at: Date;
}

const DELETION_VERBS = new Set(["remove", "delete", "deleted"]);
const HIDING_VERBS = new Set(["hide", "unhide"]);

/**
 * Applies one change of a webhook entry (docs/meta-platform.md §9 "Webhook") inside the caller's
 * transaction, idempotently by Meta's comment id: a comment is stored once per account, a
 * redelivery that changes nothing writes nothing, a new text is an edit (every version kept), a
 * removal keeps the row as deleted. Mentions and unknown fields are kept for an operator.
 */
export async function applyWebhookChange(
  tx: Tx,
  account: RoutedAccount,
  change: WebhookChange,
  webhookEventId: number | null,
): Promise<void> {
  const at = change.time === undefined ? new Date() : toDate(change.time);
  if (change.field === "comments" || change.field === "live_comments") {
    const parsed = commentValueSchema.safeParse(change.value);
    if (!parsed.success) {
      throw new Error(`not a comment: ${z.prettifyError(parsed.error)}`);
    }
    await applyComment(tx, account, parsed.data, at);
    return;
  }
  if (change.field === "mentions") mentionValueSchema.parse(change.value);
  // a mention of the account on someone else's media, or a field DM Desk does not apply
  await tx`
    insert into public.webhook_unknown_events (imo_id, channel_account_id, webhook_event_id, kinds, event, occurred_at)
    values (${account.imo_id}, ${account.id}, ${webhookEventId}, ${[change.field || "unknown"]}, ${
    tx.json(change as never)
  }, ${at})
    on conflict (channel_account_id, event_digest) do nothing`;
}

async function applyComment(tx: Tx, account: RoutedAccount, value: CommentValue, at: Date) {
  const externalId = (value.id ?? value.comment_id)!;
  // one comment's events one at a time: a redelivery racing its original must not insert twice
  await tx`select pg_advisory_xact_lock(hashtextextended(${account.id}::text || ':comment:' || ${externalId}, 0))`;
  const [stored] = await tx<(StoredComment & { post_id: string })[]>`
    select id, text, edits, commented_at, post_id from public.comments
    where channel_account_id = ${account.id} and external_id = ${externalId}`;
  const verb = value.verb?.toLowerCase();
  if (stored && verb && DELETION_VERBS.has(verb)) {
    await tx`update public.comments set deleted_at = ${at}
      where id = ${stored.id} and (deleted_at is null or deleted_at > ${at})`;
    return;
  }
  if (stored && verb && HIDING_VERBS.has(verb)) {
    await tx`update public.comments set hidden_at = ${verb === "hide" ? at : null}
      where id = ${stored.id} and hidden_at is distinct from ${verb === "hide" ? at : null}`;
    return;
  }
  if (stored) {
    if (value.text !== undefined) await applyCommentEdit(tx, stored, value.text, at);
    return;
  }

  if (!value.from) throw new Error(`comment ${externalId} names no author (from)`);
  const postId = await ensurePost(tx, account, value.media);
  const ours = new Set([account.external_account_id, ...account.external_ids]);
  const text = value.text ?? "";
  if (ours.has(value.from.id)) {
    // our own comment: a reply we sent (its webhook may outrun the Graph answer) or one typed in
    // the Instagram app
    if (await adoptOwnReply(tx, postId, externalId, text)) return;
  }
  const contactId = ours.has(value.from.id)
    ? null
    : await ensureCommenter(tx, account, value.from.id, value.from.username);
  const [inserted] = await tx<{ id: string; parent_id: string | null }[]>`
    insert into public.comments (
      imo_id, channel_account_id, post_id, external_id, parent_id, parent_external_id, author_kind,
      contact_id, author_username, text, status, commented_at, last_event_at, deleted_at
    ) values (
      ${account.imo_id}, ${account.id}, ${postId}, ${externalId},
      (select coalesce(p.parent_id, p.id) from public.comments p
        where p.channel_account_id = ${account.id} and p.external_id = ${value.parent_id ?? null}
          and p.post_id = ${postId}),
      ${value.parent_id ?? null}, ${contactId ? "contact" : "native_app"}, ${contactId},
      ${value.from.username ?? null}, ${text}, 'sent', ${at}, ${at},
      ${verb && DELETION_VERBS.has(verb) ? at : null}
    )
    on conflict (channel_account_id, external_id) do nothing
    returning id, parent_id`;
  if (!inserted) return;
  // replies that came before this comment now join its thread
  await tx`
    update public.comments set parent_id = ${inserted.id}
    where channel_account_id = ${account.id} and parent_id is null
      and parent_external_id = ${externalId} and post_id = ${postId}`;
  if (contactId && !(verb && DELETION_VERBS.has(verb))) {
    await queueCommentRuleReplies(tx, {
      imoId: account.imo_id,
      channelAccountId: account.id,
      postId,
      commentId: inserted.id,
      contactId,
      text,
    });
  }
}

/**
 * A new text for a stored comment: it shows the latest version by event time, and every version
 * is kept, the first included. The same text again (a redelivery) writes nothing.
 */
async function applyCommentEdit(tx: Tx, stored: StoredComment, text: string, at: Date) {
  const versions = stored.edits.length
    ? [...stored.edits]
    : [{ text: stored.text, at: stored.commented_at.toISOString() }];
  const version = { text, at: at.toISOString() };
  if (versions.at(-1)!.text === text) return;
  if (versions.some((v) => v.text === text && v.at === version.at)) return;
  versions.push(version);
  versions.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const latest = versions.at(-1)!;
  await tx`
    update public.comments set edits = ${tx.json(versions as never)}, text = ${latest.text},
      edited_at = ${latest.at}, last_event_at = greatest(last_event_at, ${at})
    where id = ${stored.id}`;
}

/** The post a comment is on, stored on first sight; its details are fetched afterwards. */
async function ensurePost(tx: Tx, account: RoutedAccount, media: CommentValue["media"]) {
  const find = () =>
    tx<{ id: string }[]>`
      select id from public.posts
      where channel_account_id = ${account.id} and external_id = ${media.id}`;
  const [known] = await find();
  if (known) return known.id;
  await tx`
    insert into public.posts (imo_id, channel_account_id, external_id, media_product_type)
    values (${account.imo_id}, ${account.id}, ${media.id}, ${media.media_product_type ?? null})
    on conflict (channel_account_id, external_id) do nothing`;
  const [created] = await find();
  return created!.id;
}

/**
 * The commenter as a contact of the account (IGSIDs are per account, docs/meta-platform.md §5),
 * named by the username the comment carries. No conversation: one begins only with a message.
 */
async function ensureCommenter(
  tx: Tx,
  account: RoutedAccount,
  igsid: string,
  username: string | undefined,
): Promise<string> {
  const [contact] = await tx<{ id: string }[]>`
    insert into public.contacts (imo_id, channel_account_id, external_id, username)
    values (${account.imo_id}, ${account.id}, ${igsid}, ${username ?? null})
    on conflict (channel_account_id, external_id) do update
      set username = coalesce(public.contacts.username, excluded.username)
      where public.contacts.username is null and excluded.username is not null
    returning id`;
  if (contact) return contact.id;
  const [known] = await tx<{ id: string }[]>`
    select id from public.contacts where channel_account_id = ${account.id} and external_id = ${igsid}`;
  return known!.id;
}

/**
 * Our reply's own webhook: the reply queued or failed without Meta's id, on this post, with this
 * text, takes the id and is `sent` (the Graph answer's recordReplyAccepted does the same from the
 * other side). True when one was adopted.
 */
async function adoptOwnReply(tx: Tx, postId: string, externalId: string, text: string) {
  const [adopted] = await tx`
    update public.comments set external_id = ${externalId}, status = 'sent', error_code = null,
      error_message = null
    where id = (
      select id from public.comments
      where post_id = ${postId} and author_kind in ('user', 'automation') and external_id is null
        and status in ('pending', 'failed') and text = ${text}
        and created_at > now() - interval '15 minutes'
      order by created_at limit 1
      for update skip locked)
    returning id`;
  return adopted !== undefined;
}
