import assert from "node:assert/strict";
import { addMember, sandboxThread } from "../../../scripts/testing/send-fixture.ts";
import { HOUR, MINUTE, schedule, scheduleCall } from "../../../scripts/testing/schedule-fixture.ts";
import { createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

/** When the conversation's 24 h window closes, as the server stored it. */
async function windowEnd(sql: import("postgres").Sql, conversationId: string) {
  const [row] = await sql<{ can_reply_until: Date }[]>`
    select can_reply_until from public.conversations where id = ${conversationId}`;
  return row!.can_reply_until;
}

Deno.test(
  "a time is accepted up to the window's last minute; a minute after, or a closed window, is refused",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "schedule-edges" });
    try {
      const open = await sandboxThread(workspace, { minutesAgo: 10 });
      const end = await windowEnd(workspace.sql, open.conversationId);
      const lastMinute = await schedule(workspace, {
        conversation_id: open.conversationId,
        text: "Last call before the window closes",
        scheduled_for: new Date(end.getTime() - MINUTE).toISOString(),
      });
      assert.equal(lastMinute.status, 201);
      const row = lastMinute.json().scheduled_message;
      assert.equal(row.status, "pending");
      assert.equal(row.window_expires_at, end.toISOString());
      assert.equal(row.created_by, workspace.userId);

      const after = await schedule(workspace, {
        conversation_id: open.conversationId,
        text: "Too late",
        scheduled_for: new Date(end.getTime() + MINUTE).toISOString(),
      });
      assert.equal(after.status, 422);
      assert.deepEqual(after.error().details, {
        reason: "after_window",
        window_closes_at: end.toISOString(),
      });
      const past = await schedule(workspace, {
        conversation_id: open.conversationId,
        text: "Yesterday",
        scheduled_for: new Date(Date.now() - 5 * MINUTE).toISOString(),
      });
      assert.equal(past.error().details.reason, "in_the_past");

      // 25 h ago: only "when they next write" remains
      const closed = await sandboxThread(workspace, { minutesAgo: 25 * 60 });
      const refused = await schedule(workspace, {
        conversation_id: closed.conversationId,
        text: "Are you still there?",
        scheduled_for: new Date(Date.now() + HOUR).toISOString(),
      });
      assert.equal(refused.status, 409);
      assert.equal(refused.error().code, "window_closed");
      const waiting = await schedule(workspace, {
        conversation_id: closed.conversationId,
        text: "Great to hear from you again!",
        wait_for_reply: true,
      });
      assert.equal(waiting.status, 201);
      assert.equal(waiting.json().scheduled_message.scheduled_for, null);
      assert.equal(waiting.json().scheduled_message.wait_for_reply, true);
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "a template's text is kept as rendered for the conversation; its options are validated",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "schedule-template" });
    try {
      const thread = await sandboxThread(workspace, { minutesAgo: 5 });
      await workspace.sql`update public.contacts set display_name = 'Maya Okafor'
        where id = (select contact_id from public.conversations where id = ${thread.conversationId})`;
      const [template] = await workspace.sql<{ id: string }[]>`
        insert into public.message_templates (imo_id, name, content, category)
        values (${workspace.imoId}, 'Nudge', 'Hi {{first_name}}, still interested?', 'follow_up')
        returning id`;
      const created = await schedule(workspace, {
        conversation_id: thread.conversationId,
        template_id: template!.id,
        scheduled_for: new Date(Date.now() + HOUR).toISOString(),
        cancel_if_reply: true,
      });
      assert.equal(created.status, 201);
      assert.equal(created.json().scheduled_message.text, "Hi Maya, still interested?");
      assert.equal(created.json().scheduled_message.template_id, template!.id);
      assert.equal(created.json().scheduled_message.cancel_if_reply, true);

      const cases: [string, Record<string, unknown>][] = [
        ["text and template", { text: "x", template_id: template!.id, wait_for_reply: true }],
        ["neither time nor wait", { text: "x" }],
        ["a time and the wait", {
          text: "x",
          wait_for_reply: true,
          scheduled_for: new Date().toISOString(),
        }],
        ["waits and cancels on reply", { text: "x", wait_for_reply: true, cancel_if_reply: true }],
        ["over 1000 bytes", { text: "é".repeat(501), wait_for_reply: true }],
      ];
      for (const [name, body] of cases) {
        const response = await scheduleCall(workspace, "", {
          body: { conversation_id: thread.conversationId, ...body },
        });
        assert.equal(response.status, 422, name);
      }
      const stranger = await createWorkspace({ plan: "team", label: "schedule-stranger" });
      try {
        const hidden = await schedule(stranger, {
          conversation_id: thread.conversationId,
          text: "Not my conversation",
          wait_for_reply: true,
        });
        assert.equal(hidden.status, 404);
      } finally {
        await stranger.close();
      }
      await workspace.sql`update public.imo_subscriptions set plan_code = 'pro'
        where imo_id = ${workspace.imoId}`;
      const unpaid = await scheduleCall(workspace, `?conversation_id=${thread.conversationId}`);
      assert.equal(unpaid.status, 402);
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "list, reschedule and cancel: pending first; only the author, an owner or an admin changes one",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", role: "recruiter", label: "queue" });
    try {
      const thread = await sandboxThread(workspace, { minutesAgo: 5 });
      const at = (minutes: number) => new Date(Date.now() + minutes * MINUTE).toISOString();
      const late = (await schedule(workspace, {
        conversation_id: thread.conversationId,
        text: "Later",
        scheduled_for: at(120),
      })).json().scheduled_message;
      const soon = (await schedule(workspace, {
        conversation_id: thread.conversationId,
        text: "Sooner",
        scheduled_for: at(60),
      })).json().scheduled_message;
      const waiting = (await schedule(workspace, {
        conversation_id: thread.conversationId,
        text: "When you write",
        wait_for_reply: true,
      })).json().scheduled_message;

      const cancelled = await scheduleCall(workspace, `/${late.id}/cancel`, { method: "POST" });
      assert.equal(cancelled.status, 200);
      assert.equal(cancelled.json().scheduled_message.status, "cancelled");
      assert.equal(cancelled.json().scheduled_message.cancelled_by, workspace.userId);
      const again = await scheduleCall(workspace, `/${late.id}/cancel`, { method: "POST" });
      assert.equal(again.status, 409);
      assert.equal(again.error().code, "not_pending");

      const list = await scheduleCall(workspace, `?conversation_id=${thread.conversationId}`);
      assert.deepEqual(
        list.json().scheduled_messages.map((row: { text: string }) => row.text),
        ["Sooner", "When you write", "Later"],
      );

      // the waiting one gets a time, the timed one waits instead
      const timed = await scheduleCall(workspace, `/${waiting.id}`, {
        method: "PATCH",
        body: { scheduled_for: at(30), cancel_if_reply: true },
      });
      assert.equal(timed.status, 200);
      assert.equal(timed.json().scheduled_message.wait_for_reply, false);
      assert.equal(timed.json().scheduled_message.cancel_if_reply, true);
      const waits = await scheduleCall(workspace, `/${soon.id}`, {
        method: "PATCH",
        body: { wait_for_reply: true, text: "Edited" },
      });
      assert.equal(waits.status, 200);
      assert.equal(waits.json().scheduled_message.scheduled_for, null);
      assert.equal(waits.json().scheduled_message.text, "Edited");
      const outside = await scheduleCall(workspace, `/${soon.id}`, {
        method: "PATCH",
        body: { scheduled_for: at(25 * 60) },
      });
      assert.equal(outside.error().code, "outside_window");

      const colleague = await addMember(workspace, "recruiter");
      const theirs = await scheduleCall(colleague, `/${soon.id}/cancel`, { method: "POST" });
      assert.equal(theirs.status, 403);
      const admin = await addMember(workspace, "admin");
      const byAdmin = await scheduleCall(admin, `/${soon.id}/cancel`, { method: "POST" });
      assert.equal(byAdmin.status, 200);
      assert.equal(byAdmin.json().scheduled_message.cancelled_by, admin.userId);
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "reminder settings: members read them, owners and admins change them, the template is the IMO's",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", role: "admin", label: "reminders" });
    try {
      const read = await scheduleCall(workspace, `/reminder-settings?imo_id=${workspace.imoId}`);
      assert.equal(read.status, 200);
      assert.equal(read.json().settings.reminders_enabled, false);
      assert.equal(read.json().settings.quiet_hours, 12);
      const [template] = await workspace.sql<{ id: string }[]>`
        insert into public.message_templates (imo_id, name, content, category)
        values (${workspace.imoId}, 'Reminder', 'Hi {{first_name}}!', 'follow_up') returning id`;
      const changed = await scheduleCall(workspace, "/reminder-settings", {
        method: "PATCH",
        body: {
          imo_id: workspace.imoId,
          reminders_enabled: true,
          reminder_template_id: template!.id,
        },
      });
      assert.equal(changed.status, 200);
      assert.deepEqual(
        [changed.json().settings.reminders_enabled, changed.json().settings.reminder_template_id],
        [true, template!.id],
      );
      const recruiter = await addMember(workspace, "recruiter");
      const refused = await scheduleCall(recruiter, "/reminder-settings", {
        method: "PATCH",
        body: { imo_id: workspace.imoId, reminders_enabled: false },
      });
      assert.equal(refused.status, 403);
      const other = await createWorkspace({ plan: "team", label: "reminders-other" });
      try {
        const [foreign] = await other.sql<{ id: string }[]>`
          insert into public.message_templates (imo_id, name, content, category)
          values (${other.imoId}, 'Theirs', 'Hello', 'follow_up') returning id`;
        const borrowed = await scheduleCall(workspace, "/reminder-settings", {
          method: "PATCH",
          body: { imo_id: workspace.imoId, reminder_template_id: foreign!.id },
        });
        assert.equal(borrowed.status, 404);
      } finally {
        await other.close();
      }
    } finally {
      await workspace.close();
    }
  },
);
