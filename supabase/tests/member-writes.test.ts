/**
 * What a member may write, column by column, and what only triggers and functions write:
 * counters, timestamps, audit and provenance fields. Each test replays an attack that worked
 * before the column grants of 2026-12-02 (issue 8); the RLS matrix lists the grants themselves.
 */
import assert from "node:assert/strict";
import { asCaller, attempt, sqlState } from "./actors.ts";
import { user, withTenants } from "./two-tenants.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const MAX_INT = 2147483647;

Deno.test(
  "a member cannot write a conversation's counters, clock, read time or takeover lease",
  options,
  () =>
    withTenants("cols-conv", async (_sql, a) => {
      const set = (assignment: string, params: (string | number)[] = []) =>
        attempt(
          user(a, "recruiter"),
          `update public.conversations set ${assignment} where id = $1`,
          [a.conversationId, ...params],
        );
      const forged = {
        unreadCount: await set(`unread_count = ${MAX_INT}`),
        lastReadAt: await set(`last_read_at = now()`),
        lastMessageAt: await set(`last_message_at = now() + interval '1 year'`),
        canReplyUntil: await set(`can_reply_until = now() + interval '1 year'`),
        takeoverUntil: await set(`ai_takeover_until = now() + interval '1 year'`),
        takeoverBy: await set(`ai_takeover_by = $2`, [a.users.owner.id]),
      };
      assert.deepEqual(
        Object.values(forged).filter((o) => o !== "denied"),
        [],
        JSON.stringify(forged),
      );
      // not vacuous: triage still works
      const triage = {
        priority: await set(`is_priority = true`),
        assignee: await set(`assigned_to = $2`, [a.users.admin.id]),
        aiMode: await set(`ai_mode = 'supervised'`),
        qualification: await set(`qualification_state = 'qualified'`),
        archived: await set(`archived_at = now()`),
        lead: await set(`recruiting_lead_id = $2`, [a.leadId]),
      };
      assert.deepEqual(
        Object.values(triage).filter((o) => o !== "allowed"),
        [],
        JSON.stringify(triage),
      );
    }),
);

// 20261122120600_create_messages.sql: `unread_count + 1` overflowed at 2^31 - 1 and the error
// aborted the whole webhook delivery, on every retry.
Deno.test(
  "an unread count at its maximum never aborts ingestion",
  options,
  () =>
    withTenants("cols-unread", async (sql, a) => {
      await sql`update public.conversations set unread_count = ${MAX_INT} where id = ${a.conversationId}`;
      const stored = sql`
      insert into public.messages (imo_id, channel_account_id, conversation_id, external_id,
        direction, author_kind, text, status)
      values (${a.imoId}, ${a.channelAccountId}, ${a.conversationId}, 'mid.overflow',
        'inbound', 'contact', 'One more', 'delivered')`;
      assert.equal(await sqlState(stored), "none");
      const [row] = await sql`
      select unread_count, last_message_preview from public.conversations
      where id = ${a.conversationId}`;
      assert.deepEqual({ ...row }, { unread_count: MAX_INT, last_message_preview: "One more" });
    }),
);

Deno.test(
  "an archive is dated by the server, not by the member",
  options,
  () =>
    withTenants("cols-archive", async (_sql, a) => {
      const archivedAt = await asCaller(user(a, "recruiter"), async (tx) => {
        const [row] = await tx`
        update public.conversations set archived_at = '2001-01-01T00:00:00Z'
        where id = ${a.conversationId} returning archived_at`;
        return row!.archived_at as Date;
      });
      assert.ok(Math.abs(archivedAt.getTime() - Date.now()) < 60_000, archivedAt.toISOString());
    }),
);
