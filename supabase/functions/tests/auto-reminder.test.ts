/**
 * The priority reminder (queueReminders, then the processor) with an injected clock, against the
 * Meta sandbox: the 12 h of quiet at its edge, once per window, the default text or the IMO's
 * template, and the conversations it must leave alone.
 */
import assert from "node:assert/strict";
import { eventually } from "../../../scripts/testing/eventually.ts";
import { DEFAULT_REMINDER_TEXT } from "../../../shared/src/rules/reminders.ts";
import {
  HOUR,
  leadWritesAgain,
  MINUTE,
  textsSentFrom,
} from "../../../scripts/testing/schedule-fixture.ts";
import {
  leadWrites,
  sandboxThread,
  send,
  sentFrom,
} from "../../../scripts/testing/send-fixture.ts";
import { createWorkspace, type Workspace } from "../../../scripts/testing/workspace.ts";
import { queueReminders } from "../_shared/automation/auto-reminder.ts";
import { processDueMessages } from "../_shared/automation/process-scheduled.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

/** Reminders on for the workspace's IMO, with `templateId` or the default text. */
async function turnRemindersOn(workspace: Workspace, templateId: string | null = null) {
  await workspace
    .sql`insert into public.automation_settings (imo_id, reminders_enabled, reminder_template_id)
    values (${workspace.imoId}, true, ${templateId})`;
}

async function makePriority(workspace: Workspace, conversationId: string, name = "Maya Okafor") {
  // the profile fetch that follows ingestion writes Instagram's name: let it land first
  await eventually(async () => {
    const [contact] = await workspace.sql<{ fetched: Date | null }[]>`
      select k.profile_fetched_at as fetched from public.contacts k
      join public.conversations c on c.contact_id = k.id where c.id = ${conversationId}`;
    return contact?.fetched ?? undefined;
  }, "the contact's profile was fetched");
  await workspace
    .sql`update public.conversations set is_priority = true where id = ${conversationId}`;
  await workspace.sql`update public.contacts set display_name = ${name}
    where id = (select contact_id from public.conversations where id = ${conversationId})`;
}

Deno.test(
  "after 12 h without a reply from us, one reminder per window, sent as automation with the default text",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "reminder-quiet" });
    try {
      const thread = await sandboxThread(workspace, { minutesAgo: 10 });
      await makePriority(workspace, thread.conversationId);
      await turnRemindersOn(workspace);
      const reply = await send(workspace, {
        conversation_id: thread.conversationId,
        text: "Thanks! A recruiter will call you.",
      });
      const repliedAt = new Date(reply.json().message.sent_at).getTime();
      const scope = { conversationIds: [thread.conversationId] };

      const early = await queueReminders({
        ...scope,
        now: new Date(repliedAt + 12 * HOUR - MINUTE),
      });
      assert.deepEqual(early, [], "11 h 59 min of quiet is not enough");
      const now = new Date(repliedAt + 12 * HOUR + MINUTE);
      assert.deepEqual(await queueReminders({ ...scope, now }), [thread.conversationId]);
      assert.deepEqual(await queueReminders({ ...scope, now }), [], "one per window");

      const outcome = await processDueMessages({ ...scope, clock: () => now });
      assert.equal(outcome.sent, 1);
      const [message] = await workspace.sql`
        select m.author_kind::text, m.author_user_id, m.automation_rule, m.text, s.origin,
          s.cancel_if_reply
        from public.messages m join public.scheduled_messages s on s.id = m.scheduled_message_id
        where m.conversation_id = ${thread.conversationId} and m.author_kind = 'automation'`;
      assert.deepEqual({ ...message }, {
        author_kind: "automation",
        author_user_id: null,
        automation_rule: "auto_reminder",
        text: DEFAULT_REMINDER_TEXT.replace("{{first_name}}", "Maya"),
        origin: "auto_reminder",
        cancel_if_reply: true,
      });
      const calls = await sentFrom(thread.account);
      assert.equal(calls.at(-1)!.tag, undefined);
      assert.deepEqual(
        await queueReminders({ ...scope, now: new Date(now.getTime() + 13 * HOUR) }),
        [],
        "the window is over",
      );
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "no reminder for story mentions only, a person holding the conversation, non-priority, or reminders off",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "reminder-never" });
    try {
      const first = await sandboxThread(workspace, { minutesAgo: 10 });
      const more = [];
      for (let i = 0; i < 3; i++) more.push(await leadWrites(workspace, first.account, 10));
      const [storyOnly, heldByPerson, notPriority, eligible] = [first, ...more].map((t) =>
        t.conversationId
      );
      for (const id of [storyOnly, heldByPerson, eligible]) await makePriority(workspace, id!);
      const now = new Date(Date.now() + 13 * HOUR);
      await workspace.sql`update public.conversations set only_story_mentions = true
        where id = ${storyOnly!}`;
      await workspace.sql`update public.conversations set ai_mode = 'supervised',
        ai_takeover_until = ${new Date(now.getTime() + 10 * MINUTE)} where id = ${heldByPerson!}`;
      const scope = { conversationIds: [storyOnly!, heldByPerson!, notPriority!, eligible!] };

      assert.deepEqual(await queueReminders({ ...scope, now }), [], "reminders are off");
      await turnRemindersOn(workspace);
      assert.deepEqual(await queueReminders({ ...scope, now }), [eligible]);

      // cancelled, it still counts for its window; the contact's next message opens a new one
      await workspace.sql`update public.scheduled_messages set status = 'cancelled'
        where conversation_id = ${eligible!} and origin = 'auto_reminder'`;
      assert.deepEqual(await queueReminders({ ...scope, now }), []);
      await leadWritesAgain(workspace, { ...more[2]!, account: first.account });
      assert.deepEqual(await queueReminders({ ...scope, now }), [eligible]);
      assert.deepEqual(await textsSentFrom(first.account), [], "nothing was sent");
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "a queued reminder is cancelled when a person takes the conversation first; the IMO's template is used",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "reminder-template" });
    try {
      const first = await sandboxThread(workspace, { minutesAgo: 10 });
      const second = await leadWrites(workspace, first.account, 10);
      for (const id of [first.conversationId, second.conversationId]) {
        await makePriority(workspace, id, "Ana Lima");
      }
      const [template] = await workspace.sql<{ id: string }[]>`
        insert into public.message_templates (imo_id, name, content, category)
        values (${workspace.imoId}, 'Priority nudge', '{{first_name}}, shall we book your call?',
          'follow_up')
        returning id`;
      await turnRemindersOn(workspace, template!.id);
      const now = new Date(Date.now() + 13 * HOUR);
      const scope = { conversationIds: [first.conversationId, second.conversationId] };
      assert.deepEqual(
        (await queueReminders({ ...scope, now })).sort(),
        scope.conversationIds.sort(),
      );

      await workspace.sql`update public.conversations set ai_mode = 'supervised',
        ai_takeover_until = ${new Date(now.getTime() + 30 * MINUTE)}
        where id = ${first.conversationId}`;
      const outcome = await processDueMessages({ ...scope, clock: () => now });
      assert.deepEqual([outcome.sent, outcome.cancelled], [1, 1]);
      const [cancelled] = await workspace.sql`
        select status::text, last_error from public.scheduled_messages
        where conversation_id = ${first.conversationId} and origin = 'auto_reminder'`;
      assert.deepEqual({ ...cancelled }, {
        status: "cancelled",
        last_error: "A person is in the conversation",
      });
      assert.deepEqual(await textsSentFrom(first.account), ["Ana, shall we book your call?"]);
    } finally {
      await workspace.close();
    }
  },
);
