/**
 * instagram-comments over HTTP with real JWTs, against the Meta sandbox: the Comments view's
 * reads and triage, a public reply and a private reply going out once each, a second private reply
 * refused (by us, and by Meta when another tool sent one), hiding, showing and deleting.
 */
import assert from "node:assert/strict";
import {
  commentsAccount,
  leadComments,
  newLead,
  sandboxComments,
  storedComment,
} from "../../../scripts/testing/comment-fixture.ts";
import { eventually } from "../../../scripts/testing/eventually.ts";
import { sandbox, sandboxUrl } from "../../../scripts/testing/meta-sandbox-client.ts";
import { sentFrom } from "../../../scripts/testing/send-fixture.ts";
import {
  callFunction,
  createWorkspace,
  type Workspace,
} from "../../../scripts/testing/workspace.ts";
import {
  commentResponseSchema,
  postCommentsResponseSchema,
  postListResponseSchema,
  postResponseSchema,
  privateReplyResponseSchema,
} from "../../../shared/src/contracts/comments.ts";
import { isPrivateReplyRefusal } from "../../../shared/src/rules/private-replies.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

async function call(ws: Pick<Workspace, "accessToken">, path: string, body?: unknown) {
  const response = await callFunction(ws, `instagram-comments/${path}`, { body });
  const text = await response.text();
  return { status: response.status, json: () => JSON.parse(text), text };
}

Deno.test(
  "comments view: posts with their threads, unread until read, priority and assignment",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", role: "recruiter", label: "comments-read" });
    const stranger = await createWorkspace({ plan: "team", label: "comments-stranger" });
    try {
      const account = await commentsAccount(ws, { caption: "Now hiring in Denver" });
      const lead = await newLead("Ana Ruiz");
      const top = await leadComments(account, lead.id, account.post.id, "Is this remote?");
      await storedComment(ws, account, top.commentId);
      const reply = await leadComments(account, lead.id, account.post.id, "and part-time?", {
        parent: top.commentId,
      });
      await storedComment(ws, account, reply.commentId);

      const list = await eventually(
        async () => {
          const answer = await call(ws, `posts?imo_id=${ws.imoId}`);
          assert.equal(answer.status, 200, answer.text);
          const page = postListResponseSchema.parse(answer.json());
          return page.posts[0]?.caption ? page : undefined;
        },
        "the post is listed with its caption",
        10_000,
      );
      assert.equal(list.posts.length, 1);
      const post = list.posts[0]!;
      assert.equal(post.caption, "Now hiring in Denver");
      assert.equal(post.unread_count, 2);
      assert.equal(post.preview, "and part-time?");
      assert.deepEqual(list.unread_by_account, [{
        channel_account_id: account.accountId,
        unread_posts: 1,
        unread_comments: 2,
      }]);

      const threads = postCommentsResponseSchema.parse(
        (await call(ws, `posts/${post.id}/comments`)).json(),
      );
      assert.equal(threads.threads.length, 1);
      const thread = threads.threads[0]!;
      assert.equal(thread.comment.text, "Is this remote?");
      assert.equal(thread.comment.author.username, lead.username);
      assert.equal(thread.comment.is_unread, true);
      assert.deepEqual(thread.replies.map((r) => r.text), ["and part-time?"]);

      const read = postResponseSchema.parse(
        (await call(ws, `posts/${post.id}/triage`, { action: "mark_read" })).json(),
      );
      assert.equal(read.post.unread_count, 0);
      const after = postCommentsResponseSchema.parse(
        (await call(ws, `posts/${post.id}/comments`)).json(),
      );
      assert.equal(after.threads[0]!.comment.is_unread, false);

      await call(ws, `posts/${post.id}/triage`, { action: "set_priority", is_priority: true });
      const assigned = postResponseSchema.parse(
        (await call(ws, `posts/${post.id}/triage`, { action: "assign", user_id: ws.userId }))
          .json(),
      );
      assert.equal(assigned.post.is_priority, true);
      assert.equal(assigned.post.assignee?.user_id, ws.userId);
      const mine = postListResponseSchema.parse(
        (await call(ws, `posts?imo_id=${ws.imoId}&assignee=me&priority=true`)).json(),
      );
      assert.deepEqual(mine.posts.map((p) => p.id), [post.id]);
      const notMember = await call(ws, `posts/${post.id}/triage`, {
        action: "assign",
        user_id: stranger.userId,
      });
      assert.equal(notMember.status, 422);

      // another IMO sees nothing, not even that the post exists
      assert.equal((await call(stranger, `posts/${post.id}/comments`)).status, 404);
      assert.equal((await call(stranger, `posts?imo_id=${ws.imoId}`)).status, 404);
    } finally {
      await ws.close();
      await stranger.close();
    }
  },
);

Deno.test(
  "comments: a public reply and a private reply go out once each; a second private reply is refused",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", role: "recruiter", label: "comments-reply" });
    try {
      const account = await commentsAccount(ws);
      const lead = await newLead("Sam Park");
      const posted = await leadComments(account, lead.id, account.post.id, "How do I apply?");
      const comment = await storedComment(ws, account, posted.commentId);

      // a public reply, double-clicked, then again: one reply on Instagram
      const key = crypto.randomUUID();
      const body = { client_comment_id: key, text: "Check your DMs, Sam!" };
      const answers = await Promise.all([
        call(ws, `comments/${comment.id}/reply`, body),
        call(ws, `comments/${comment.id}/reply`, body),
      ]);
      answers.push(await call(ws, `comments/${comment.id}/reply`, body));
      for (const answer of answers) assert.equal(answer.status, 200, answer.text);
      const replies = answers.map((a) => commentResponseSchema.parse(a.json()));
      // the click that sent it answers "sent"; its double may answer while Meta is still asked
      // (the row as it stands, pending), and the click after both sees it sent
      const sender = replies.find((r) => !r.replayed)!;
      assert.equal(sender.comment.status, "sent");
      assert.ok(sender.comment.external_id);
      assert.equal(replies[2]!.comment.status, "sent");
      assert.equal(new Set(replies.map((r) => r.comment.id)).size, 1, "the same reply");
      assert.deepEqual(replies.map((r) => r.replayed).sort(), [false, true, true]);
      const onInstagram = (await sandboxComments(account)).filter((c) => c.leadId === null);
      assert.deepEqual(onInstagram.map((c) => [c.text, c.parentId]), [[
        body.text,
        posted.commentId,
      ]]);
      // its own webhook comes back and finds it: still one reply, the recruiter's
      await eventually(
        async () => {
          const [row] = await ws.sql`select count(*)::int as n from public.webhook_events
            where ${account.igAccountId} = any(entry_ids) and status = 'processed'
              and raw_body like ${`%${sender.comment.external_id}%`}`;
          return row!.n === 1;
        },
        "the reply's own webhook was processed",
        10_000,
      );
      const ours = await ws.sql`select author_kind::text, author_user_id from public.comments
        where post_id = ${comment.post_id} and author_kind <> 'contact'`;
      assert.deepEqual([...ours].map((r) => [r.author_kind, r.author_user_id]), [[
        "user",
        ws.userId,
      ]]);

      // a private reply: once, linked both ways, in a new conversation with the commenter
      const privateKey = crypto.randomUUID();
      const privately = { client_message_id: privateKey, text: "Hi Sam, here is the form: …" };
      const first = await call(ws, `comments/${comment.id}/private-reply`, privately);
      assert.equal(first.status, 200, first.text);
      const sent = privateReplyResponseSchema.parse(first.json());
      assert.equal(sent.message.status, "sent");
      assert.equal(sent.comment.private_reply?.message_id, sent.message.id);
      assert.equal(sent.comment.private_reply?.conversation_id, sent.message.conversation_id);
      const again = privateReplyResponseSchema.parse(
        (await call(ws, `comments/${comment.id}/private-reply`, privately)).json(),
      );
      assert.equal(again.replayed, true);
      assert.equal(again.message.id, sent.message.id);
      const [message] = await ws
        .sql`select private_reply_to_comment_id, author_user_id, c.contact_id
        from public.messages m join public.conversations c on c.id = m.conversation_id
        where m.id = ${sent.message.id}`;
      assert.equal(message!.private_reply_to_comment_id, comment.id);
      assert.equal(message!.contact_id, comment.contact_id, "the commenter's conversation");
      const calls = (await sentFrom(account)).filter((s) =>
        (s.body as { recipient?: { comment_id?: string } }).recipient?.comment_id ===
          posted.commentId
      );
      assert.equal(calls.length, 1, "one private reply reached Meta");

      // a second private reply (a new key) is refused before Meta, with the reason
      const second = await call(ws, `comments/${comment.id}/private-reply`, {
        client_message_id: crypto.randomUUID(),
        text: "one more thing",
      });
      assert.equal(second.status, 409, second.text);
      assert.equal(second.json().error.code, "private_reply_already_replied");
      assert.match(second.json().error.message, /one private reply per comment/);
      assert.equal((await sentFrom(account)).length, 1, "no second call to Meta");
      // the echo found the message: one outbound message in the conversation
      await eventually(
        async () => {
          const rows = await ws.sql`select status::text from public.messages
          where conversation_id = ${sent.message.conversation_id}`;
          return rows.length === 1 && rows[0]!.status === "sent";
        },
        "the echo was adopted, not doubled",
        10_000,
      );
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "comments: Meta's refusal of a private reply another tool already sent is kept on the message",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "comments-refused" });
    try {
      const account = await commentsAccount(ws);
      const lead = await newLead();
      const posted = await leadComments(account, lead.id, account.post.id, "JOIN");
      const comment = await storedComment(ws, account, posted.commentId);
      // another app on the account answered it privately first
      const other = await fetch(
        `${sandboxUrl()}/graph.instagram.com/v25.0/${account.igAccountId}/messages`,
        {
          method: "POST",
          headers: {
            authorization: `Bearer ${account.accessToken}`,
            "content-type": "application/json",
          },
          body: JSON.stringify({
            recipient: { comment_id: posted.commentId },
            message: { text: "Thanks from another tool" },
          }),
        },
      );
      assert.equal(other.status, 200, await other.text());
      const answer = await call(ws, `comments/${comment.id}/private-reply`, {
        client_message_id: crypto.randomUUID(),
        text: "Hi there",
      });
      assert.equal(answer.status, 200, answer.text);
      const refused = privateReplyResponseSchema.parse(answer.json());
      assert.equal(refused.message.status, "failed");
      assert.equal(refused.message.error?.code, "100");
      assert.match(refused.message.error?.message ?? "", /already been sent/);
      assert.ok(isPrivateReplyRefusal(refused.message.error?.code ?? null), "the SPA explains it");
      assert.equal(refused.comment.private_reply, null, "a failed reply is not linked");
      const [status] = await ws.sql`select status::text from public.channel_accounts
        where id = ${account.accountId}`;
      assert.equal(status!.status, "connected", "the refusal does not break the account");
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "comments: hide, show again and delete, each on Instagram and in our rows; a hidden comment takes no reply",
  options,
  async () => {
    const ws = await createWorkspace({
      plan: "team",
      role: "recruiter",
      label: "comments-moderate",
    });
    try {
      const account = await commentsAccount(ws);
      const lead = await newLead();
      const posted = await leadComments(account, lead.id, account.post.id, "spam spam spam");
      const comment = await storedComment(ws, account, posted.commentId);
      const onInstagram = async () =>
        (await sandboxComments(account)).find((c) => c.id === posted.commentId)!;

      const hidden = commentResponseSchema.parse(
        (await call(ws, `comments/${comment.id}/hide`, { hidden: true })).json(),
      );
      assert.ok(hidden.comment.hidden_at);
      assert.equal((await onInstagram()).hidden, true);
      const noReply = await call(ws, `comments/${comment.id}/reply`, {
        client_comment_id: crypto.randomUUID(),
        text: "hello",
      });
      assert.equal(noReply.status, 409);
      assert.equal(noReply.json().error.code, "comment_hidden");
      const [hiddenBy] = await ws
        .sql`select hidden_by from public.comments where id = ${comment.id}`;
      assert.equal(hiddenBy!.hidden_by, ws.userId);

      const shown = commentResponseSchema.parse(
        (await call(ws, `comments/${comment.id}/hide`, { hidden: false })).json(),
      );
      assert.equal(shown.comment.hidden_at, null);
      assert.equal((await onInstagram()).hidden, false);

      const deleted = commentResponseSchema.parse(
        (await call(ws, `comments/${comment.id}/delete`, {})).json(),
      );
      assert.ok(deleted.comment.deleted_at);
      assert.equal((await onInstagram()).deleted, true);
      const twice = commentResponseSchema.parse(
        (await call(ws, `comments/${comment.id}/delete`, {})).json(),
      );
      assert.equal(twice.replayed, true);

      // a comment deleted on Instagram behind our back: Meta says it is gone, we mark it so
      const gone = await leadComments(account, lead.id, account.post.id, "bye");
      const goneRow = await storedComment(ws, account, gone.commentId);
      await sandbox(`leads/${lead.id}/comment-deletions`, {
        account: account.igAccountId,
        comment: gone.commentId,
      });
      await storedComment(ws, account, gone.commentId, (r) => r.deleted_at !== null);
      // as if its webhook had been lost
      await ws.sql`update public.comments set deleted_at = null where id = ${goneRow.id}`;
      const refused = await call(ws, `comments/${goneRow.id}/hide`, { hidden: true });
      assert.equal(refused.status, 409, refused.text);
      assert.equal(refused.json().error.code, "comment_deleted");
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "comments: a private reply that failed on Meta's side is retried from the conversation as the same message, by the comment's rules",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", role: "recruiter", label: "comments-retry" });
    try {
      const account = await commentsAccount(ws);
      const lead = await newLead();
      const posted = await leadComments(account, lead.id, account.post.id, "Interested!");
      const comment = await storedComment(ws, account, posted.commentId);
      await sandbox("faults", {
        target: "graph",
        kind: "http_503",
        match: `${account.igAccountId}/messages`,
      });
      const failed = privateReplyResponseSchema.parse(
        (await call(ws, `comments/${comment.id}/private-reply`, {
          client_message_id: crypto.randomUUID(),
          text: "Thanks! Here is how to apply",
        })).json(),
      );
      assert.equal(failed.message.status, "failed");
      assert.equal(failed.comment.private_reply, null, "a failed reply leaves the comment open");

      // the conversation has no open window (they never wrote): the retry keeps to the comment's rules
      const retried = await callFunction(ws, "instagram-retry-message", {
        body: { message_id: failed.message.id },
      });
      const text = await retried.text();
      assert.equal(retried.status, 200, text);
      const answer = JSON.parse(text);
      assert.equal(answer.message.id, failed.message.id, "the same message");
      assert.equal(answer.message.status, "sent");
      const [linked] = await ws.sql`select private_reply_message_id from public.comments
        where id = ${comment.id}`;
      assert.equal(linked!.private_reply_message_id, failed.message.id);
      const replies = (await sentFrom(account)).filter((s) => s.outcome.ok);
      assert.equal(replies.length, 1, "one private reply reached Meta");
    } finally {
      await ws.close();
    }
  },
);
