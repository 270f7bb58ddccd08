/**
 * instagram-process-scheduled's pass (processDueMessages) with an injected clock, against the Meta
 * sandbox: the window's edges, the contact's reply cancelling a send-later, the reply releasing the
 * messages waiting for it in the webhook's own pass, templates rendered at send time, and three
 * passes at once over 1,000 due messages.
 */
import assert from "node:assert/strict";
import { eventually } from "../../../scripts/testing/eventually.ts";
import {
  HOUR,
  leadWritesAgain,
  MINUTE,
  schedule,
  scheduledRow,
  textsSentFrom,
} from "../../../scripts/testing/schedule-fixture.ts";
import { leadWrites, sandboxThread, sentFrom } from "../../../scripts/testing/send-fixture.ts";
import { createWorkspace, type Workspace } from "../../../scripts/testing/workspace.ts";
import { claimDue } from "../_shared/automation/claim-due.ts";
import { processDueMessages } from "../_shared/automation/process-scheduled.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

const at = (ms: number) => () => new Date(ms);

async function windowEnd(workspace: Workspace, conversationId: string) {
  const [row] = await workspace.sql<{ can_reply_until: Date }[]>`
    select can_reply_until from public.conversations where id = ${conversationId}`;
  return row!.can_reply_until.getTime();
}

async function scheduledId(
  workspace: Workspace,
  body: Parameters<typeof schedule>[1],
): Promise<string> {
  const response = await schedule(workspace, body);
  assert.equal(response.status, 201, JSON.stringify(response.json()));
  return response.json().scheduled_message.id;
}

Deno.test(
  "due at the window's last minute it goes out as automation; a minute after the window it expires unsent",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "process-edges" });
    try {
      const thread = await sandboxThread(workspace, { minutesAgo: 10 });
      const end = await windowEnd(workspace, thread.conversationId);
      const scope = { conversationIds: [thread.conversationId] };

      const lastMinute = await scheduledId(workspace, {
        conversation_id: thread.conversationId,
        text: "Sent in the window's last minute",
        scheduled_for: new Date(end - MINUTE).toISOString(),
      });
      // a minute early nothing is due
      assert.equal(
        (await processDueMessages({ ...scope, clock: at(end - 2 * MINUTE) })).claimed,
        0,
      );
      const sent = await processDueMessages({ ...scope, clock: at(end - MINUTE) });
      assert.deepEqual([sent.claimed, sent.sent], [1, 1]);
      const row = await scheduledRow(workspace, lastMinute);
      assert.equal(row.status, "sent");
      const [message] = await workspace.sql`
        select author_kind::text, author_user_id, automation_rule, scheduled_message_id,
          client_message_id, status::text, text
        from public.messages where id = ${row.sent_message_id}`;
      assert.deepEqual({ ...message }, {
        author_kind: "automation",
        author_user_id: workspace.userId,
        automation_rule: "scheduled_message",
        scheduled_message_id: lastMinute,
        client_message_id: lastMinute,
        status: "sent",
        text: "Sent in the window's last minute",
      });

      const late = await scheduledId(workspace, {
        conversation_id: thread.conversationId,
        text: "Too late to send",
        scheduled_for: new Date(end - MINUTE).toISOString(),
      });
      const expired = await processDueMessages({ ...scope, clock: at(end + MINUTE) });
      assert.deepEqual([expired.claimed, expired.expired, expired.sent], [1, 1, 0]);
      const lateRow = await scheduledRow(workspace, late);
      assert.equal(lateRow.status, "expired");
      assert.equal(
        lateRow.last_error,
        "The 24-hour messaging window closed before it could be sent",
      );
      assert.equal(lateRow.sent_message_id, null);

      const calls = await sentFrom(thread.account);
      assert.deepEqual(calls.map((call) => call.body.message?.text), [
        "Sent in the window's last minute",
      ]);
      assert.equal(calls[0]!.tag, undefined, "automation never tags HUMAN_AGENT");
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "the contact's reply cancels a send-later marked cancel-if-reply; the others still go",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "process-cancel" });
    try {
      const thread = await sandboxThread(workspace, { minutesAgo: 10 });
      const due = Date.now() + 2 * HOUR;
      const followUp = await scheduledId(workspace, {
        conversation_id: thread.conversationId,
        text: "Just following up!",
        scheduled_for: new Date(due).toISOString(),
        cancel_if_reply: true,
      });
      const reminder = await scheduledId(workspace, {
        conversation_id: thread.conversationId,
        text: "Your interview is at 3 pm",
        scheduled_for: new Date(due).toISOString(),
      });
      await leadWritesAgain(workspace, thread, "Sorry, was busy! Yes I am interested");
      const cancelled = await scheduledRow(workspace, followUp);
      assert.deepEqual(
        [cancelled.status, cancelled.last_error, cancelled.cancelled_by],
        ["cancelled", "The contact replied first", null],
      );
      assert.equal((await scheduledRow(workspace, reminder)).status, "pending");

      const outcome = await processDueMessages({
        conversationIds: [thread.conversationId],
        clock: at(due),
      });
      assert.deepEqual([outcome.claimed, outcome.sent], [1, 1]);
      assert.deepEqual(await textsSentFrom(thread.account), ["Your interview is at 3 pm"]);
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "a template is rendered when the message is sent, not when it was scheduled",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "process-template" });
    try {
      const thread = await sandboxThread(workspace, { minutesAgo: 10 });
      await workspace.sql`update public.contacts set display_name = 'Maya Okafor'
        where id = (select contact_id from public.conversations where id = ${thread.conversationId})`;
      const [template] = await workspace.sql<{ id: string }[]>`
        insert into public.message_templates (imo_id, name, content, category)
        values (${workspace.imoId}, 'Check-in', 'Hi {{first_name}}!', 'follow_up') returning id`;
      const due = Date.now() + HOUR;
      const id = await scheduledId(workspace, {
        conversation_id: thread.conversationId,
        template_id: template!.id,
        scheduled_for: new Date(due).toISOString(),
      });
      await workspace.sql`update public.message_templates
        set content = 'Hi {{first_name}}, does Tuesday work?' where id = ${template!.id}`;
      await processDueMessages({ conversationIds: [thread.conversationId], clock: at(due) });
      assert.equal((await scheduledRow(workspace, id)).status, "sent");
      assert.deepEqual(await textsSentFrom(thread.account), ["Hi Maya, does Tuesday work?"]);
      const [counted] = await workspace.sql`
        select use_count from public.message_templates where id = ${template!.id}`;
      assert.equal(counted!.use_count, 1);
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "rows one reply released are claimed in the order they were queued, whatever their ids and places",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "claim-order" });
    try {
      const thread = await sandboxThread(workspace);
      const repliedAt = new Date(Date.now() - MINUTE);
      // neither the ids nor the order the rows are stored in follow the order they were queued in
      const queued = [
        { id: "30000000-0000-4000-8000-000000000000", text: "first" },
        { id: "10000000-0000-4000-8000-000000000000", text: "second" },
        { id: "40000000-0000-4000-8000-000000000000", text: "third" },
        { id: "20000000-0000-4000-8000-000000000000", text: "fourth" },
      ];
      for (const [index, row] of [...queued.entries()].reverse()) {
        await workspace.sql`
          insert into public.scheduled_messages (
            id, imo_id, channel_account_id, conversation_id, text, scheduled_for,
            wait_for_reply, released_at, created_at
          ) values (
            ${row.id}, ${workspace.imoId}, ${thread.account.accountId}, ${thread.conversationId},
            ${row.text}, ${repliedAt}, true, now(),
            ${new Date(repliedAt.getTime() - (queued.length - index) * MINUTE)}
          )`;
      }
      const claimed = await claimDue(new Date(), {
        conversationIds: [thread.conversationId],
        releasedOnly: true,
      }, 10);
      assert.deepEqual(claimed.map((row) => row.id), queued.map((row) => row.id));
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "the contact's message releases the messages waiting for it, sent in the webhook's own pass",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "process-release" });
    try {
      // the pass must not be the every-minute run: try again if one happened to start meanwhile
      for (let attempt = 1;; attempt++) {
        const thread = await sandboxThread(workspace, { minutesAgo: 25 * 60 });
        // one reply releases them all at the same time: they still go in the order they were queued
        const texts = [
          "Great to hear back from you!",
          "Here is the link to book a call",
          "Any time this week works",
          "Talk soon",
        ];
        const ids: string[] = [];
        for (const text of texts) {
          ids.push(
            await scheduledId(workspace, {
              conversation_id: thread.conversationId,
              text,
              wait_for_reply: true,
            }),
          );
        }
        const before = new Date();
        await leadWritesAgain(workspace, thread, "Hi again, is the role still open?");
        const rows = await eventually(
          async () => {
            const rows = await Promise.all(ids.map((id) => scheduledRow(workspace, id)));
            return rows.every((row) => row.status === "sent") ? rows : null;
          },
          "every waiting message was sent",
          15_000,
        );
        const lastSent = new Date(Math.max(...rows.map((row) => row.sent_at!.getTime())));
        const [cronRuns] = await workspace.sql<{ n: number }[]>`
          select count(*)::int as n from cron.job_run_details d join cron.job j using (jobid)
          where j.jobname = 'instagram-process-scheduled'
            and d.start_time between ${before} and ${lastSent}`;
        if (cronRuns!.n > 0 && attempt < 3) continue;
        assert.equal(cronRuns!.n, 0, "sent by the webhook's pass, not the every-minute run");
        for (const row of rows) assert.ok(row.released_at);
        assert.deepEqual(await textsSentFrom(thread.account), texts);
        return;
      }
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "three passes at once over 1,000 due messages send each exactly once",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "process-race" });
    try {
      const first = await sandboxThread(workspace, { minutesAgo: 10 });
      const threads = [first];
      for (let i = 1; i < 10; i++) {
        threads.push({ ...first, ...await leadWrites(workspace, first.account, 10) });
      }
      const conversationIds = threads.map((thread) => thread.conversationId);
      const ids = await workspace.sql<{ id: string }[]>`
        insert into public.scheduled_messages (imo_id, channel_account_id, conversation_id,
          created_by, text, scheduled_for)
        select ${workspace.imoId}, ${first.account.accountId}, c.id, ${workspace.userId},
          'Batch message #' || n, now() - interval '1 minute'
        from unnest(${conversationIds}::uuid[]) with ordinality as c (id, k),
          generate_series(1, 100) as n
        returning id`;
      assert.equal(ids.length, 1000);

      const outcomes = await Promise.all(
        [1, 2, 3].map(() => processDueMessages({ conversationIds })),
      );
      // the every-minute run and the webhook's passes may have taken some: wait for them too
      await eventually(
        async () => {
          const [row] = await workspace.sql<{ n: number }[]>`
            select count(*)::int as n from public.scheduled_messages
            where conversation_id = any(${conversationIds}::uuid[]) and status = 'sent'`;
          return row!.n === 1000;
        },
        "all 1,000 sent",
        60_000,
      );
      const texts = (await textsSentFrom(first.account)).filter((text) =>
        text?.startsWith("Batch message #")
      );
      assert.equal(texts.length, 1000, "1,000 Send API calls");
      const perRecipient = new Map<string, number>();
      for (const call of await sentFrom(first.account)) {
        perRecipient.set(call.recipientId, (perRecipient.get(call.recipientId) ?? 0) + 1);
      }
      assert.deepEqual([...perRecipient.values()], Array(10).fill(100));
      const [messages] = await workspace.sql<{ n: number; distinct_schedules: number }[]>`
        select count(*)::int as n, count(distinct scheduled_message_id)::int as distinct_schedules
        from public.messages where conversation_id = any(${conversationIds}::uuid[])
          and author_kind = 'automation'`;
      assert.deepEqual({ ...messages }, { n: 1000, distinct_schedules: 1000 });
      const sentHere = outcomes.reduce((sum, outcome) => sum + outcome.sent, 0);
      assert.ok(sentHere > 0 && sentHere <= 1000, `the three passes sent ${sentHere}`);
      for (const outcome of outcomes) assert.equal(outcome.failed + outcome.expired, 0);
    } finally {
      await workspace.close();
    }
  },
);
