/**
 * The keyword rule "when someone comments <keyword> on <post or any post>, reply privately with
 * <template>", end to end through the webhook and the Meta sandbox: once per person per post, never
 * for our own comments, never for a hidden one, through the governor, with its provenance.
 */
import assert from "node:assert/strict";
import {
  commentsAccount,
  leadComments,
  newLead,
  publishPost,
  sandboxComments,
  storedComment,
} from "../../../scripts/testing/comment-fixture.ts";
import { eventually } from "../../../scripts/testing/eventually.ts";
import { sandbox } from "../../../scripts/testing/meta-sandbox-client.ts";
import { addMember, sentFrom } from "../../../scripts/testing/send-fixture.ts";
import {
  callFunction,
  createWorkspace,
  type Workspace,
} from "../../../scripts/testing/workspace.ts";
import {
  commentRuleListResponseSchema,
  commentRuleResponseSchema,
} from "../../../shared/src/contracts/comment-rules.ts";
import { recentPostsResponseSchema } from "../../../shared/src/contracts/comments.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

async function createRule(caller: Pick<Workspace, "accessToken">, body: Record<string, unknown>) {
  const response = await callFunction(caller, "instagram-comments/rules", { body });
  return { status: response.status, json: await response.json() };
}

async function template(ws: Workspace, content: string) {
  const [row] = await ws.sql<{ id: string }[]>`
    insert into public.message_templates (imo_id, name, content, category)
    values (${ws.imoId}, ${`Join ${crypto.randomUUID().slice(0, 6)}`}, ${content}, 'greeting')
    returning id`;
  return row!.id;
}

/** The private replies Meta was asked for, by the comment they answer. */
async function privateRepliesTo(account: { igAccountId: string }) {
  return (await sentFrom(account)).map((s) =>
    (s.body as { recipient?: { comment_id?: string } }).recipient?.comment_id
  ).filter(Boolean);
}

/** Waits until the run of `commentId` has ended, and answers it. */
async function runOf(ws: Workspace, commentExternalId: string) {
  return await eventually(
    async () => {
      const [run] = await ws.sql<
        { status: string; reason: string | null; message_id: string | null }[]
      >`
        select r.status::text, r.reason, r.message_id from public.comment_rule_runs r
        join public.comments c on c.id = r.comment_id
        where c.external_id = ${commentExternalId} and r.status not in ('queued', 'sending')`;
      return run;
    },
    `the rule's run for comment ${commentExternalId} ended`,
    15_000,
  );
}

Deno.test(
  "comment rules: fires once per person per post, not for our own comments, not for a hidden comment",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", role: "owner", label: "comment-rules" });
    try {
      const account = await commentsAccount(ws, { caption: "We're hiring! Comment JOIN" });
      const templateId = await template(
        ws,
        "Hi {{first_name}}! Here's how to apply: https://example.com/apply",
      );
      const created = await createRule(ws, {
        imo_id: ws.imoId,
        keyword: "join",
        template_id: templateId,
      });
      assert.equal(created.status, 201, JSON.stringify(created.json));
      const rule = commentRuleResponseSchema.parse(created.json).rule;
      assert.equal(rule.post_id, null, "any post");

      // a person comments JOIN: one private reply, from the template, with its provenance
      const ana = await newLead("Ana Ruiz");
      const first = await leadComments(account, ana.id, account.post.id, "JOIN!!");
      const sent = await runOf(ws, first.commentId);
      assert.deepEqual({ status: sent.status, reason: sent.reason }, {
        status: "sent",
        reason: null,
      });
      const [message] = await ws.sql`
        select m.text, m.status::text, m.author_kind::text, m.automation_rule, m.comment_rule_id,
          m.private_reply_to_comment_id, c.external_id as comment_external_id
        from public.messages m join public.comments c on c.id = m.private_reply_to_comment_id
        where m.id = ${sent.message_id}`;
      // a commenter's name is not readable before they write (docs/meta-platform.md §5): the
      // greeting falls back to the username the comment carried
      assert.equal(
        message!.text,
        `Hi ${ana.username}! Here's how to apply: https://example.com/apply`,
      );
      assert.equal(message!.author_kind, "automation");
      assert.equal(message!.automation_rule, "comment_rule");
      assert.equal(message!.comment_rule_id, rule.id);
      assert.equal(message!.comment_external_id, first.commentId);
      const row = await storedComment(
        ws,
        account,
        first.commentId,
        (c) => c.private_reply_message_id !== null,
      );
      assert.equal(row.private_reply_message_id, sent.message_id, "linked both ways");
      assert.deepEqual(await privateRepliesTo(account), [first.commentId]);
      const onInstagram = (await sandboxComments(account)).find((c) => c.id === first.commentId)!;
      assert.ok(onInstagram.privateReplyMid, "Meta has the private reply");

      // the same person again on the same post: nothing more
      const again = await leadComments(account, ana.id, account.post.id, "join, did you get it?");
      await storedComment(ws, account, again.commentId);
      // on another post: it fires again (once per person per post)
      const other = await publishPost(account, "Second opening: team lead");
      const elsewhere = await leadComments(account, ana.id, other.id, "JOIN");
      assert.equal((await runOf(ws, elsewhere.commentId)).status, "sent");

      // our own comment with the keyword, from the Instagram app: no run
      const own = await sandbox<{ commentId: string }>(`accounts/${account.igAccountId}/comments`, {
        media: account.post.id,
        text: "Comment JOIN to apply!",
      });
      await storedComment(ws, account, own.commentId);
      // a comment Instagram's filters hid: skipped, with the reason
      const ben = await newLead("Ben Cho");
      const hidden = await leadComments(account, ben.id, account.post.id, "JOIN free money", {
        hidden: true,
      });
      const skipped = await runOf(ws, hidden.commentId);
      assert.deepEqual({ ...skipped }, {
        status: "skipped",
        reason: "comment_hidden",
        message_id: null,
      });
      const hiddenRow = await storedComment(
        ws,
        account,
        hidden.commentId,
        (c) => c.hidden_at !== null,
      );
      assert.ok(hiddenRow.hidden_at, "we learnt it is hidden");
      // no keyword: no run
      const chat = await leadComments(account, ben.id, other.id, "love this team");
      await storedComment(ws, account, chat.commentId);

      // let the drain pass over everything once more: still the same two private replies
      await callFunction(
        { accessToken: Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")! },
        "instagram-process-webhooks",
        {
          body: {},
        },
      );
      const runs = await ws.sql`select c.external_id, r.status::text from public.comment_rule_runs r
        join public.comments c on c.id = r.comment_id where r.imo_id = ${ws.imoId}
        order by r.created_at`;
      assert.deepEqual([...runs].map((r) => [r.external_id, r.status]), [
        [first.commentId, "sent"],
        [elsewhere.commentId, "sent"],
        [hidden.commentId, "skipped"],
      ]);
      assert.deepEqual(
        (await privateRepliesTo(account)).sort(),
        [first.commentId, elsewhere.commentId].sort(),
      );
      const listed = commentRuleListResponseSchema.parse(
        await (await callFunction(ws, `instagram-comments/rules?imo_id=${ws.imoId}`)).json(),
      );
      assert.deepEqual(listed.rules[0]!.runs, { sent: 2, skipped: 1, failed: 0 });
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "comment rules: a rule for one post, a rule turned off, and who may write rules",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", role: "admin", label: "comment-rules-post" });
    try {
      const account = await commentsAccount(ws);
      const templateId = await template(ws, "Thanks {{username}}, details in your inbox");
      const lead = await newLead();
      // the post becomes known with its first comment
      const seed = await leadComments(account, lead.id, account.post.id, "first!");
      const post = await storedComment(ws, account, seed.commentId);
      const other = await publishPost(account, "Another post");

      // a post nobody has commented on yet is found among the account's newest on Instagram
      const recent = recentPostsResponseSchema.parse(
        await (await callFunction(ws, `instagram-comments/accounts/${account.accountId}/posts`))
          .json(),
      );
      assert.deepEqual(recent.posts.map((p) => p.external_id), [other.id, account.post.id]);
      assert.equal(recent.posts[0]!.caption, "Another post");

      const recruiter = await addMember(ws, "recruiter");
      const refused = await createRule(recruiter, {
        imo_id: ws.imoId,
        keyword: "info",
        template_id: templateId,
      });
      assert.equal(refused.status, 403);

      const forPost = commentRuleResponseSchema.parse(
        (await createRule(ws, {
          imo_id: ws.imoId,
          channel_account_id: account.accountId,
          post_id: post.post_id,
          keyword: "more info",
          template_id: templateId,
        })).json,
      ).rule;
      assert.equal(forPost.post_id, post.post_id);

      const elsewhere = await leadComments(account, lead.id, other.id, "more info please");
      await storedComment(ws, account, elsewhere.commentId);
      const here = await leadComments(account, lead.id, account.post.id, "More info?");
      assert.equal((await runOf(ws, here.commentId)).status, "sent");
      const [none] = await ws.sql`select count(*)::int as n from public.comment_rule_runs r
        join public.comments c on c.id = r.comment_id where c.external_id = ${elsewhere.commentId}`;
      assert.equal(none!.n, 0, "the rule is for one post only");

      // turned off: a new person's matching comment queues nothing
      const off = await callFunction(ws, `instagram-comments/rules/${forPost.id}`, {
        method: "PATCH",
        body: { is_enabled: false },
      });
      assert.equal(off.status, 200, await off.text());
      const late = await newLead();
      const lateComment = await leadComments(account, late.id, account.post.id, "more info");
      await storedComment(ws, account, lateComment.commentId);
      const [count] = await ws.sql`select count(*)::int as n from public.comment_rule_runs
        where imo_id = ${ws.imoId}`;
      assert.equal(count!.n, 1);
      const removed = await callFunction(ws, `instagram-comments/rules/${forPost.id}/delete`, {
        body: {},
      });
      assert.equal(removed.status, 200);
      const [message] = await ws.sql`select comment_rule_id, automation_rule from public.messages
        where imo_id = ${ws.imoId} and author_kind = 'automation'`;
      assert.deepEqual({ ...message }, { comment_rule_id: null, automation_rule: "comment_rule" });
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "the governor allows 750 private replies per account in any hour, then says how long to wait",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "private-reply-governor" });
    try {
      const account = await commentsAccount(ws);
      const [burst] = await ws.sql<{ granted: number; wait_ms: number }[]>`
        select * from private.take_graph_calls(${account.accountId}, 'private_reply', 760)`;
      assert.equal(burst!.granted, 750);
      assert.ok(burst!.wait_ms > 3_590_000 && burst!.wait_ms <= 3_600_000, String(burst!.wait_ms));
      const [next] = await ws.sql<{ wait: number }[]>`
        select private.take_graph_call(${account.accountId}, 'private_reply') as wait`;
      assert.ok(next!.wait > 3_590_000, "the 751st waits for the hour to slide");
      const [text] = await ws.sql<{ wait: number }[]>`
        select private.take_graph_call(${account.accountId}, 'send_text') as wait`;
      assert.equal(text!.wait, 0, "other kinds keep their own one-second window");
    } finally {
      await ws.close();
    }
  },
);
