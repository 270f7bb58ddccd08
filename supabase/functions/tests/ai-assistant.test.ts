/**
 * The AI assistant against the real platform: every inbound message analysed after ingestion
 * (kicked by the webhook, never in its request path), the conversation's category and
 * qualification moved and recorded, supervised drafts approved or edited through the send path
 * with their provenance, and the takeover lease (a person's reply from the app, the Instagram
 * app's echo) that keeps autopilot to drafts until it expires (an injected clock).
 */
import assert from "node:assert/strict";
import { connectSandboxAccount } from "../../../scripts/testing/connected-account.ts";
import {
  aiThread as threadWith,
  inboundWithoutJob,
  outcomeOf,
} from "../../../scripts/testing/ai-thread.ts";
import { send, sentFrom } from "../../../scripts/testing/send-fixture.ts";
import { uniqueSuffix } from "../../../scripts/testing/tenants.ts";
import { callFunction, createWorkspace } from "../../../scripts/testing/workspace.ts";
import { analyzeJob, analyzeJobs } from "../_shared/ai/analyze-job.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const MINUTE = 60_000;

Deno.test(
  "an inbound DM is analysed after ingestion; supervised: a draft that a person edits and sends as 'AI, edited by'",
  options,
  async () => {
    const { workspace, account, says, conversationId } = await threadWith(
      "ai-supervised",
      "supervised",
    );
    try {
      const question = "Hi! how much does it pay? is it commission only?";
      const analysis = await says(question);
      assert.equal(analysis.intent, "compensation_question");
      assert.equal(analysis.category, "candidate");
      assert.equal(analysis.provider, "offline");
      assert.ok(String(analysis.model).startsWith("wink-eng-lite-web-model"));
      assert.ok((analysis.tools_used as string[]).includes("wink-nlp"));
      assert.equal(analysis.fallback_reason, null);
      assert.equal(analysis.reply_outcome, "drafted: supervised");

      const id = await conversationId();
      const panel = await (await callFunction(workspace, `ai-assistant/conversations/${id}`))
        .json();
      assert.equal(panel.mode, "supervised", "the IMO's default mode");
      assert.equal(panel.category, "candidate");
      assert.equal(panel.qualification_state, "qualifying");
      assert.deepEqual(
        panel.transitions.map((
          t: Record<string, unknown>,
        ) => [t.from_state, t.to_state, t.moved_by_kind]),
        [["new", "qualifying", "ai"]],
      );
      assert.match(panel.draft.text, /commission/);
      // the draft is not the inbox's preview, and nothing left without a person
      const [preview] = await workspace.sql<{ last_message_preview: string }[]>`
        select last_message_preview from public.conversations where id = ${id}`;
      assert.equal(preview!.last_message_preview, question);
      assert.equal((await sentFrom(account)).length, 0, "nothing sent without a person");

      const edited = "Great question! It's commission with no cap, plus leads. Are you licensed?";
      const approve = await callFunction(
        workspace,
        `ai-assistant/drafts/${panel.draft.id}/approve`,
        {
          body: { text: edited },
        },
      );
      assert.equal(approve.status, 200, await approve.clone().text());
      const { message_id } = await approve.json();
      const [sent] = await workspace.sql<Record<string, unknown>[]>`
        select author_kind::text, author_user_id, ai_review, text, status::text,
          ai_reply_to_message_id = ${analysis.message_id as string} as answers
        from public.messages where id = ${message_id}`;
      assert.deepEqual(sent, {
        author_kind: "ai",
        author_user_id: workspace.userId,
        ai_review: "edited",
        text: edited,
        status: "sent",
        answers: true,
      });
      const calls = await sentFrom(account);
      assert.equal(calls.length, 1);
      assert.equal(calls[0]!.body.message?.text, edited);
      assert.equal(calls[0]!.tag, undefined, "never the HUMAN_AGENT tag");
      // approving again: the draft is gone, nothing is sent twice
      const again = await callFunction(workspace, `ai-assistant/drafts/${panel.draft.id}/approve`, {
        body: {},
      });
      assert.equal(again.status, 404);
      assert.equal((await sentFrom(account)).length, 1);
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "qualification: email, phone and licence make the conversation qualified, a time for a call books it; a person's move is recorded as theirs",
  options,
  async () => {
    const { workspace, says, conversationId } = await threadWith("ai-qualify", "off");
    try {
      const hi = await says("I'm interested! licensed in TX for 2 years");
      const contact = await says("my email is ana.r@gmail.com and cell 512-555-0199");
      assert.equal(contact.reply_outcome, "skipped: ai_off", "AI off: analysed, never answered");
      const call = await says("can you call me tomorrow at 3pm?");

      const id = await conversationId();
      const moves = await workspace.sql<Record<string, unknown>[]>`
        select from_state::text, to_state::text, moved_by_kind, message_id, reason
        from public.qualification_transitions where conversation_id = ${id} order by id`;
      assert.deepEqual(
        moves.map((m) => [m.from_state, m.to_state, m.moved_by_kind, m.message_id]),
        [
          ["new", "qualifying", "ai", hi.message_id],
          ["qualifying", "qualified", "ai", contact.message_id],
          ["qualified", "booked", "ai", call.message_id],
        ],
      );
      assert.equal(moves[1]!.reason, "email, phone and licence status known");

      const panel = await (await callFunction(workspace, `ai-assistant/conversations/${id}`))
        .json();
      assert.equal(panel.known.email, "ana.r@gmail.com");
      assert.equal(panel.known.phone, "+15125550199");
      assert.equal(panel.known.us_state, "TX");
      assert.equal(panel.known.licensed, true);
      const prefill = await (await callFunction(
        workspace,
        `recruiting-leads/prefill?conversation_id=${id}`,
      )).json();
      assert.equal(prefill.email, "ana.r@gmail.com", "the create-lead dialog starts from them");
      assert.equal(prefill.phone, "+15125550199");

      const path = `ai-assistant/conversations/${id}/qualification`;
      const closed = await callFunction(workspace, path, { body: { state: "closed" } });
      assert.equal(closed.status, 200);
      const [last] = await workspace.sql<Record<string, unknown>[]>`
        select to_state::text, moved_by_kind, moved_by_user_id from public.qualification_transitions
        where conversation_id = ${id} order by id desc limit 1`;
      assert.deepEqual(last, {
        to_state: "closed",
        moved_by_kind: "person",
        moved_by_user_id: workspace.userId,
      });
      assert.equal(
        (await callFunction(workspace, path, { body: { state: "closed" } })).status,
        409,
      );
      // closed: the AI moves it no more
      await says("I'm interested, email me at ana.r@gmail.com");
      const [state] = await workspace.sql<{ qualification_state: string }[]>`
        select qualification_state::text from public.conversations where id = ${id}`;
      assert.equal(state!.qualification_state, "closed");
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "the takeover lease: a person's app reply and a native_app echo both take it; autopilot drafts while it is held and sends after it expires",
  options,
  async () => {
    const { workspace, account, says, conversationId, typesInApp } = await threadWith(
      "ai-lease",
      "autopilot",
    );
    try {
      assert.equal((await says("Hi, I'm interested in joining!")).reply_outcome, "sent");
      const id = await conversationId();
      const first = await sentFrom(account);
      assert.equal(first.length, 1);
      assert.match(first[0]!.body.message!.text!, /Thanks for reaching out/);

      // a person replies from the app: the lease is theirs for the IMO's 30 minutes
      const reply = await send(workspace, { conversation_id: id, text: "Hi Ana, Sam here!" });
      assert.equal(reply.status, 200, reply.text);
      const [lease] = await workspace.sql<{ until: Date; by: string | null }[]>`
        select ai_takeover_until as until, ai_takeover_by as by from public.conversations where id = ${id}`;
      assert.equal(lease!.by, workspace.userId);
      const minutes = (lease!.until.getTime() - Date.now()) / MINUTE;
      assert.ok(minutes > 29 && minutes <= 30, `lease of ${minutes} minutes`);

      assert.equal((await says("how much does it pay?")).reply_outcome, "drafted: lease_held");
      assert.equal((await sentFrom(account)).length, 2, "only the person's reply went out");

      // "resume AI", then the Instagram app's echo takes the lease again
      const resumed = await callFunction(workspace, `ai-assistant/conversations/${id}/resume`, {
        body: {},
      });
      assert.equal(resumed.status, 200);
      await typesInApp("typed on my phone");
      const [echoLease] = await workspace.sql<{ until: Date | null; by: string | null }[]>`
        select ai_takeover_until as until, ai_takeover_by as by from public.conversations where id = ${id}`;
      assert.ok(echoLease!.until && echoLease!.until.getTime() > Date.now() + 25 * MINUTE);
      assert.equal(echoLease!.by, null, "typed in the app: which person is not known");

      const held = await inboundWithoutJob(workspace, id, "do I need a license?");
      await analyzeJob(held, () => new Date());
      assert.equal(await outcomeOf(workspace, held), "drafted: lease_held");
      assert.equal((await sentFrom(account)).length, 2);

      const later = await inboundWithoutJob(workspace, id, "do I need a license??");
      const afterLease = new Date(Date.now() + 31 * MINUTE);
      await analyzeJob(later, () => afterLease);
      assert.equal(await outcomeOf(workspace, later), "sent");
      const calls = await sentFrom(account);
      assert.equal(calls.length, 3);
      assert.match(calls[2]!.body.message!.text!, /No experience needed/);
      const [autopilot] = await workspace.sql<Record<string, unknown>[]>`
        select author_kind::text, ai_review, author_user_id from public.messages
        where ai_reply_to_message_id = ${later} and status <> 'draft'`;
      assert.deepEqual(autopilot, {
        author_kind: "ai",
        ai_review: "autopilot",
        author_user_id: null,
      });
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "a batch of messages across conversations is stored in one go: every analysis, each conversation's category and its qualification moves in order",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "ai-batch" });
    try {
      const account = await connectSandboxAccount(workspace);
      const conversation = async (n: number) => {
        const [row] = await workspace.sql<{ id: string }[]>`
          with k as (insert into public.contacts (imo_id, channel_account_id, external_id)
            values (${workspace.imoId}, ${account.accountId}, ${`batch-${n}-${uniqueSuffix()}`})
            returning id)
          insert into public.conversations (imo_id, channel_account_id, contact_id)
          select ${workspace.imoId}, ${account.accountId}, k.id from k returning id`;
        return row!.id;
      };
      const [candidate, buyer, spammer] = [
        await conversation(1),
        await conversation(2),
        await conversation(3),
      ];
      const texts: [string, string][] = [
        [candidate, "Hi! I'm interested in joining"],
        [buyer, "I want 2 black hoodies size L"],
        [candidate, "my email is lee.k@gmail.com, I'm licensed"],
        [spammer, "Get 1000 followers for $5!! click the link"],
        [candidate, "and my cell is 214-555-0176"],
        [candidate, "thanks!"],
      ];
      const ids: string[] = [];
      for (const [conversationId, text] of texts) {
        ids.push(await inboundWithoutJob(workspace, conversationId, text));
      }
      const outcome = await analyzeJobs(ids, () => new Date());
      assert.deepEqual(outcome, { analysed: 6, gone: 0 });
      const rows = await workspace.sql<{ id: string; ai_category: string; state: string }[]>`
        select id, ai_category, qualification_state::text as state from public.conversations
        where id = any(${[candidate, buyer, spammer]}::uuid[])`;
      const byId = new Map(rows.map((row) => [row.id, row]));
      // "thanks!" says nothing more than "other": the candidate stays a candidate
      assert.equal(byId.get(candidate)!.ai_category, "candidate");
      assert.equal(byId.get(buyer)!.ai_category, "customer_order");
      assert.equal(byId.get(spammer)!.ai_category, "spam");
      const moves = await workspace.sql<{ to_state: string; message_id: string }[]>`
        select to_state::text, message_id from public.qualification_transitions
        where conversation_id = ${candidate} order by id`;
      assert.deepEqual(moves.map((m) => [m.to_state, m.message_id]), [
        ["qualifying", ids[0]],
        ["qualified", ids[4]],
      ]);
      // a second run of the same batch changes nothing
      await analyzeJobs(ids, () => new Date());
      const [count] = await workspace.sql<{ n: number }[]>`
        select count(*)::int as n from public.message_analyses where message_id = any(${ids}::uuid[])`;
      assert.equal(count!.n, 6);
    } finally {
      await workspace.close();
    }
  },
);
