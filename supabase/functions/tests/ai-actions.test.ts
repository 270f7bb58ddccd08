/**
 * The AI assistant's actions and its rules against the real platform: an account's own default
 * mode for its new conversations (owners and admins set it); the "Close sale" texts sent through
 * the send path; deals created from the conversation, pre-filled from the order the AI read; and
 * the rules that always hold for what the AI writes: never in a closed window (and never the
 * HUMAN_AGENT tag to get past it), never to a story mention, always through the rate governor,
 * always with its provenance. And contact comments analysed through the same queue as DMs.
 */
import assert from "node:assert/strict";
import { aiThread, inboundWithoutJob, outcomeOf } from "../../../scripts/testing/ai-thread.ts";
import {
  commentsAccount,
  leadComments,
  newLead,
  storedComment,
} from "../../../scripts/testing/comment-fixture.ts";
import { eventually } from "../../../scripts/testing/eventually.ts";
import { addMember, send, sentFrom } from "../../../scripts/testing/send-fixture.ts";
import { uniqueSuffix } from "../../../scripts/testing/tenants.ts";
import { callFunction, createWorkspace } from "../../../scripts/testing/workspace.ts";
import { analyzeJob } from "../_shared/ai/analyze-job.ts";
import { storeDraft } from "../_shared/ai/assistant/drafts.ts";
import { asService } from "../_shared/db.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const HOUR = 3_600_000;

Deno.test(
  "an account's own default mode starts its new conversations, over the IMO's; only owners and admins set it",
  options,
  async () => {
    const { workspace, account, says, conversationId } = await aiThread("ai-account-mode", "off");
    try {
      const path = `ai-assistant/accounts/${account.accountId}`;
      const recruiter = await addMember(workspace, "recruiter");
      const refused = await callFunction(recruiter, path, {
        method: "PATCH",
        body: { default_mode: "autopilot" },
      });
      assert.equal(refused.status, 403, await refused.clone().text());
      const outsider = await createWorkspace({ plan: "team", label: "ai-account-outsider" });
      try {
        const hidden = await callFunction(outsider, path, {
          method: "PATCH",
          body: { default_mode: "autopilot" },
        });
        assert.equal(hidden.status, 404, "another IMO's account is not there");
      } finally {
        await outsider.close();
      }

      const set = await callFunction(workspace, path, {
        method: "PATCH",
        body: { default_mode: "supervised" },
      });
      assert.equal(set.status, 200, await set.clone().text());
      assert.equal((await set.json()).account.default_mode, "supervised");
      const settings =
        await (await callFunction(workspace, `ai-assistant/settings/${workspace.imoId}`))
          .json();
      assert.equal(settings.settings.default_mode, "off");
      assert.deepEqual(
        settings.accounts.map((a: { id: string; default_mode: string }) => [a.id, a.default_mode]),
        [[account.accountId, "supervised"]],
      );

      // the IMO says off, the account says supervised: the lead's first DM gets a draft
      const analysis = await says("Hi! how much does it pay?");
      assert.equal(analysis.reply_outcome, "drafted: supervised");
      const panelPath = `ai-assistant/conversations/${await conversationId()}`;
      assert.equal((await (await callFunction(workspace, panelPath)).json()).mode, "supervised");

      // back to the IMO's default: the next new conversation follows the IMO (now autopilot)
      const cleared = await callFunction(workspace, path, {
        method: "PATCH",
        body: { default_mode: null },
      });
      assert.equal((await cleared.json()).account.default_mode, null);
      await workspace.sql`update public.ai_settings set default_mode = 'autopilot'
        where imo_id = ${workspace.imoId}`;
      const [fresh] = await workspace.sql<{ ai_mode: string }[]>`
        with k as (insert into public.contacts (imo_id, channel_account_id, external_id)
          values (${workspace.imoId}, ${account.accountId}, ${`mode-${uniqueSuffix()}`})
          returning id)
        insert into public.conversations (imo_id, channel_account_id, contact_id)
        select ${workspace.imoId}, ${account.accountId}, k.id from k returning ai_mode::text`;
      assert.equal(fresh!.ai_mode, "autopilot");
      // a conversation that started keeps its mode when the defaults change
      assert.equal((await (await callFunction(workspace, panelPath)).json()).mode, "supervised");
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "an order: the panel shows its size, colour and quantity; the booking and payment links go out through the send path; a deal starts from the order and the payment's amount",
  options,
  async () => {
    const { workspace, account, says, conversationId } = await aiThread("ai-deals", "off");
    try {
      const order = await says("hi I want 2 black hoodies size L please");
      const id = await conversationId();
      const closeSale = (body: Record<string, unknown>) =>
        callFunction(workspace, `ai-assistant/conversations/${id}/close-sale`, { body });

      const panel = await (await callFunction(workspace, `ai-assistant/conversations/${id}`))
        .json();
      assert.equal(panel.latest.intent, "order");
      assert.equal(panel.category, "customer_order");
      assert.deepEqual(panel.latest.entities.order, {
        product: "hoodie",
        size: "L",
        colour: "black",
        quantity: 2,
      });
      assert.deepEqual(panel.deals, []);

      // no links yet: the shortcut says where to add them
      const missing = await closeSale({ action: "booking_link" });
      assert.equal(missing.status, 409);
      assert.equal((await missing.json()).error.code, "no_booking_link");
      await workspace.sql`update public.ai_settings
        set booking_link = 'https://cal.example.com/northwind/intro',
          payment_link_template = 'https://pay.example.com/checkout?amount={{amount}}&ref={{reference}}'
        where imo_id = ${workspace.imoId}`;

      const booking = await (await closeSale({ action: "booking_link" })).json();
      assert.match(booking.text, /https:\/\/cal\.example\.com\/northwind\/intro/);
      const payment = await (await closeSale({ action: "payment_link", amount: 90 })).json();
      assert.match(
        payment.text,
        new RegExp(
          `\\$90\\.00: https://pay\\.example\\.com/checkout\\?amount=90\\.00&ref=${id.slice(0, 8)}`,
        ),
      );
      for (const text of [booking.text, payment.text]) {
        const sent = await send(workspace, { conversation_id: id, text });
        assert.equal(sent.status, 200, sent.text);
      }
      const calls = await sentFrom(account);
      assert.deepEqual(calls.map((call) => [call.body.message?.text, call.outcome.ok]), [
        [booking.text, true],
        [payment.text, true],
      ]);

      // the deal: what the AI read, the amount of the payment link, confirmed by the person
      const created = await callFunction(workspace, `ai-assistant/conversations/${id}/deals`, {
        body: { amount: 90, from_analysis: true },
      });
      assert.equal(created.status, 201, await created.clone().text());
      const { deal } = await created.json();
      assert.deepEqual(
        [deal.title, deal.amount, deal.currency, deal.stage, deal.provenance],
        ["2 × black hoodie, size L", 90, "USD", "open", "ai"],
      );
      assert.deepEqual([deal.product, deal.size, deal.colour, deal.quantity], [
        "hoodie",
        "L",
        "black",
        2,
      ]);
      assert.equal(deal.analysis_message_id, order.message_id);
      // a person's own deal, the parts they corrected kept as they wrote them
      const typed = await callFunction(workspace, `ai-assistant/conversations/${id}/deals`, {
        body: { title: "Matching cap", amount: 25, size: null },
      });
      assert.equal(typed.status, 201);
      assert.equal((await typed.json()).deal.provenance, "person");
      const [row] = await workspace.sql<Record<string, unknown>[]>`
        select created_by, contact_id = (select contact_id from public.conversations where id = ${id})
          as same_contact
        from public.deals where id = ${deal.id}`;
      assert.deepEqual(row, { created_by: workspace.userId, same_contact: true });

      const after = await (await callFunction(workspace, `ai-assistant/conversations/${id}`))
        .json();
      assert.deepEqual(after.deals.map((d: { title: string }) => d.title), [
        "Matching cap",
        "2 × black hoodie, size L",
      ]);
      const outsider = await createWorkspace({ plan: "team", label: "ai-deals-outsider" });
      try {
        const hidden = await callFunction(outsider, `ai-assistant/conversations/${id}/deals`, {
          body: { title: "Not mine" },
        });
        assert.equal(hidden.status, 404);
      } finally {
        await outsider.close();
      }
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "the rules that always hold: a draft is approved as 'AI, approved by', never sent past the window (not even with the Human Agent feature), never to a story mention, never past the rate governor",
  options,
  async () => {
    const { workspace, account, says, conversationId } = await aiThread("ai-rules", "supervised");
    try {
      await says("hi, do I need a license?");
      const id = await conversationId();
      const draftOf = async () =>
        (await (await callFunction(workspace, `ai-assistant/conversations/${id}`)).json()).draft;
      const approve = (draftId: string) =>
        callFunction(workspace, `ai-assistant/drafts/${draftId}/approve`, { body: {} });
      const [target] = await workspace.sql<
        { imo_id: string; channel_account_id: string; inbound: string }[]
      >`
        select c.imo_id, c.channel_account_id,
          (select m.id from public.messages m where m.conversation_id = c.id
            and m.direction = 'inbound' order by m.sent_at desc limit 1) as inbound
        from public.conversations c where c.id = ${id}`;
      const newDraft = (text: string) =>
        asService((tx) =>
          storeDraft(tx, {
            imo_id: target!.imo_id,
            channel_account_id: target!.channel_account_id,
            conversation_id: id,
            reply_to_message_id: target!.inbound,
          }, text)
        );

      // past 24 hours, with Meta's Human Agent feature granted: a person could reply (tagged),
      // the AI's draft cannot, even approved
      const draft = await draftOf();
      assert.ok(draft, "supervised: a draft");
      await workspace.sql`update public.channel_accounts set human_agent_permission = true
        where id = ${account.accountId}`;
      await workspace.sql`update public.conversations
        set last_inbound_at = now() - interval '2 days' where id = ${id}`;
      const late = await approve(draft.id);
      assert.equal(late.status, 409);
      assert.equal((await late.json()).error.code, "window_closed");
      assert.equal((await sentFrom(account)).length, 0, "nothing reached Meta, tagged or not");
      assert.ok(await draftOf(), "the draft stays for a person to read");
      // the queue judges by its clock: a message analysed after the window closed gets nothing
      await workspace.sql`update public.conversations set last_inbound_at = now() where id = ${id}`;
      const stale = await inboundWithoutJob(workspace, id, "hello? what does it pay?");
      await analyzeJob(stale, () => new Date(Date.now() + 25 * HOUR));
      assert.equal(await outcomeOf(workspace, stale), "skipped: window_closed");

      // a story mention gets no greeting from the AI, drafted or approved
      const mention = await inboundWithoutJob(workspace, id, "loved this!", "story_mention");
      await analyzeJob(mention, () => new Date());
      assert.equal(await outcomeOf(workspace, mention), "skipped: story_mention");
      await workspace.sql`update public.conversations set only_story_mentions = true
        where id = ${id}`;
      const mentioned = await approve((await draftOf()).id);
      assert.equal(mentioned.status, 409);
      assert.equal((await mentioned.json()).error.code, "story_mention");
      await workspace.sql`update public.conversations set only_story_mentions = false
        where id = ${id}`;

      // the governor: while every send of this second is taken, an approval is a 429 with
      // retry-after and nothing is sent (a busy cron keeps taking each second's calls)
      let busy = true;
      const cron = (async () => {
        while (busy) {
          await workspace
            .sql`select private.take_graph_calls(${account.accountId}, 'send_text', 100)`;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      let limited: Response | null = null;
      try {
        await new Promise((resolve) => setTimeout(resolve, 50));
        for (let attempt = 0; attempt < 5 && !limited; attempt++) {
          const answer = await approve(await newDraft(`Governed ${attempt}`));
          if (answer.status === 429) limited = answer;
          else assert.equal(answer.status, 200, await answer.text());
        }
      } finally {
        busy = false;
        await cron;
      }
      assert.ok(limited, "the governor said no");
      assert.equal((await limited.json()).error.code, "rate_limited");
      assert.ok(Number(limited.headers.get("retry-after")) >= 1);
      const governedDraft = await draftOf();
      assert.match(governedDraft.text, /^Governed \d$/, "the refused draft is still there");
      const sentBefore = (await sentFrom(account)).length;

      // approved as written, once the second has passed: "AI, approved by" the person
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const approved = await approve(governedDraft.id);
      assert.equal(approved.status, 200, await approved.clone().text());
      const { message_id } = await approved.json();
      const [stored] = await workspace.sql<Record<string, unknown>[]>`
        select author_kind::text, ai_review, author_user_id, text from public.messages
        where id = ${message_id}`;
      assert.deepEqual(stored, {
        author_kind: "ai",
        ai_review: "approved",
        author_user_id: workspace.userId,
        text: governedDraft.text,
      });
      const calls = await sentFrom(account);
      assert.equal(calls.length, sentBefore + 1);
      assert.equal(calls.at(-1)!.body.message?.text, governedDraft.text);
      assert.ok(calls.every((call) => call.tag === undefined), "never the HUMAN_AGENT tag");
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "a contact's comment is analysed through the DMs' queue (intent, entities, category, provider); our own replies are not",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "ai-comments" });
    try {
      const account = await commentsAccount(workspace, { caption: "New hoodies are in!" });
      const lead = await newLead("Rosa Diaz");
      const text = "I want 2 black hoodies size M, email rosa.d@gmail.com";
      const posted = await leadComments(account, lead.id, account.post.id, text);
      const comment = await storedComment(workspace, account, posted.commentId);
      // analysed once the delivery is processed: the webhook kicks the queue's drain
      const analysis = await eventually(
        async () => {
          const [row] = await workspace.sql<Record<string, unknown>[]>`
          select intent, category, entities, provider, tools_used, post_id, imo_id
          from public.comment_analyses where comment_id = ${comment.id}`;
          return row;
        },
        "the comment's analysis",
        20_000,
      );
      assert.equal(analysis.intent, "order");
      assert.equal(analysis.category, "customer_order");
      assert.equal(analysis.provider, "offline");
      assert.ok((analysis.tools_used as string[]).includes("wink-nlp"));
      assert.deepEqual([analysis.post_id, analysis.imo_id], [comment.post_id, workspace.imoId]);
      const entities = analysis.entities as { email: string; order: Record<string, unknown> };
      assert.equal(entities.email, "rosa.d@gmail.com");
      assert.deepEqual(entities.order, {
        product: "hoodie",
        size: "M",
        colour: "black",
        quantity: 2,
      });
      const [jobs] = await workspace.sql<{ n: number }[]>`
        select count(*)::int as n from public.ai_analysis_jobs where comment_id = ${comment.id}`;
      assert.equal(jobs!.n, 0, "the job went with the analysis");

      // the Comments view shows what the AI read
      const page = await (await callFunction(
        workspace,
        `instagram-comments/posts/${comment.post_id}/comments`,
      )).json();
      assert.deepEqual(
        { ...page.threads[0].comment.ai, confidence: undefined },
        { intent: "order", category: "customer_order", confidence: undefined },
      );

      // a member's public reply is ours: nothing to analyse
      const [reply] = await workspace.sql<{ id: string }[]>`
        insert into public.comments (imo_id, channel_account_id, post_id, parent_id, author_kind,
          author_user_id, text, status)
        values (${workspace.imoId}, ${account.accountId}, ${comment.post_id}, ${comment.id}, 'user',
          ${workspace.userId}, 'Sent you a DM!', 'pending')
        returning id`;
      const [queued] = await workspace.sql<{ n: number }[]>`
        select count(*)::int as n from public.ai_analysis_jobs where comment_id = ${reply!.id}`;
      assert.equal(queued!.n, 0);
    } finally {
      await workspace.close();
    }
  },
);
