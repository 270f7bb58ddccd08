/**
 * The `comments` webhook field through the signed ledger, against the Meta sandbox: a comment, an
 * edit, a deletion and a duplicate delivery each leave the right rows once; replies join their
 * thread; our own comments are not a contact's; the post's details are fetched afterwards.
 */
import assert from "node:assert/strict";
import {
  commentsAccount,
  leadComments,
  newLead,
  storedComment,
} from "../../../scripts/testing/comment-fixture.ts";
import { eventually } from "../../../scripts/testing/eventually.ts";
import { sandbox } from "../../../scripts/testing/meta-sandbox-client.ts";
import { uniqueSuffix } from "../../../scripts/testing/tenants.ts";
import { createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "comments webhook: a comment, an edit, a deletion and a duplicate delivery produce the right rows once",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "comments-webhook" });
    try {
      const account = await commentsAccount(ws, { caption: "Hiring: licensed agents, DM us" });
      const lead = await newLead("Jordan Lee");
      // Meta delivers this one twice (duplicate_delivery): it is still one comment. The text is
      // this test's own, so no other test's comment takes the fault.
      const text = `JOIN please ${uniqueSuffix()}`;
      await sandbox("faults", { target: "webhook", kind: "duplicate_delivery", match: text });
      const first = await leadComments(account, lead.id, account.post.id, text);
      const comment = await storedComment(ws, account, first.commentId);
      assert.equal(comment.author_kind, "contact");
      assert.equal(comment.text, text);
      assert.equal(comment.author_username, lead.username);
      const [contact] = await ws.sql`select external_id, username from public.contacts
        where id = ${comment.contact_id}`;
      assert.deepEqual({ ...contact }, { external_id: first.igsid, username: lead.username });
      await eventually(
        async () => {
          const [row] = await ws.sql`select count(*)::int as n from public.webhook_events
            where ${account.igAccountId} = any(entry_ids) and status = 'processed'
              and raw_body like ${`%${text}%`}`;
          return row!.n === 2;
        },
        "both copies of the delivery were processed",
        10_000,
      );
      const counts = async () => {
        const [row] = await ws.sql<{ comments: number; posts: number; conversations: number }[]>`
          select (select count(*)::int from public.comments where channel_account_id = ${account.accountId}) as comments,
            (select count(*)::int from public.posts where channel_account_id = ${account.accountId}) as posts,
            (select count(*)::int from public.conversations where channel_account_id = ${account.accountId}) as conversations`;
        return { ...row! };
      };
      assert.deepEqual(await counts(), { comments: 1, posts: 1, conversations: 0 });
      const [post] = await ws.sql`select comment_count, unread_count, last_comment_preview
        from public.posts where id = ${comment.post_id}`;
      assert.deepEqual({ ...post }, {
        comment_count: 1,
        unread_count: 1,
        last_comment_preview: text,
      });

      // an edit: the latest text shows, both versions are kept
      await sandbox(`leads/${lead.id}/comment-edits`, {
        account: account.igAccountId,
        comment: first.commentId,
        text: "JOIN — what are the hours?",
      });
      const edited = await storedComment(
        ws,
        account,
        first.commentId,
        (row) => row.text !== text,
        "the edit was applied",
      );
      assert.equal(edited.text, "JOIN — what are the hours?");
      assert.deepEqual(edited.edits.map((v) => v.text), [
        text,
        "JOIN — what are the hours?",
      ]);

      // a reply in the thread, then the deletion of the first comment
      const reply = await leadComments(account, lead.id, account.post.id, "also, remote?", {
        parent: first.commentId,
      });
      const replyRow = await storedComment(ws, account, reply.commentId);
      assert.equal(replyRow.parent_id, comment.id);
      await sandbox(`leads/${lead.id}/comment-deletions`, {
        account: account.igAccountId,
        comment: first.commentId,
      });
      const deleted = await storedComment(
        ws,
        account,
        first.commentId,
        (row) => row.deleted_at !== null,
        "the deletion was applied",
      );
      assert.equal(deleted.text, "JOIN — what are the hours?", "what they wrote is kept");
      assert.deepEqual(await counts(), { comments: 2, posts: 1, conversations: 0 });

      // the post's caption and picture come from the Graph API afterwards
      const details = await eventually(
        async () => {
          const [row] = await ws.sql<{ caption: string | null; thumbnail_url: string | null }[]>`
            select caption, thumbnail_url, permalink from public.posts
            where id = ${comment.post_id} and details_fetched_at is not null`;
          return row;
        },
        "the post's details were fetched",
        10_000,
      );
      assert.equal(details.caption, "Hiring: licensed agents, DM us");
      assert.equal(details.thumbnail_url, account.post.mediaUrl);
      const failures = await ws.sql`select error from public.webhook_event_failures
        where channel_account_id = ${account.accountId}`;
      assert.deepEqual([...failures], [], "no event failed");
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "comments webhook: the account's own comment from the Instagram app is not a contact's, and a reply that comes first joins its thread",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "comments-own" });
    try {
      const account = await commentsAccount(ws);
      const own = await sandbox<{ commentId: string }>(`accounts/${account.igAccountId}/comments`, {
        media: account.post.id,
        text: "Applications close Friday!",
      });
      const row = await storedComment(ws, account, own.commentId);
      assert.equal(row.author_kind, "native_app");
      assert.equal(row.contact_id, null);
      const [post] = await ws.sql`select unread_count from public.posts where id = ${row.post_id}`;
      assert.equal(post!.unread_count, 0, "our own comment is not unread");

      // Meta does not keep order: the reply's webhook may come before its parent's
      const lead = await newLead();
      await sandbox("faults", {
        target: "webhook",
        kind: "out_of_order",
        match: "first in the thread",
      });
      const parent = await leadComments(account, lead.id, account.post.id, "first in the thread");
      const child = await leadComments(account, lead.id, account.post.id, "second, a reply", {
        parent: parent.commentId,
      });
      const parentRow = await storedComment(ws, account, parent.commentId);
      const childRow = await storedComment(
        ws,
        account,
        child.commentId,
        (r) => r.parent_id !== null,
        "the early reply was linked to its parent",
      );
      assert.equal(childRow.parent_id, parentRow.id);
    } finally {
      await ws.close();
    }
  },
);
