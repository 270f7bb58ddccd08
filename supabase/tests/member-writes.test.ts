/**
 * What a member may write, column by column, and what only triggers and functions write:
 * counters, timestamps, audit and provenance fields. Each test replays an attack that worked
 * before the column grants of 2026-12-02 (issue 8); the RLS matrix lists the grants themselves.
 */
import assert from "node:assert/strict";
import type postgres from "postgres";
import { createUser, type Tenant } from "../../scripts/testing/tenants.ts";
import { asCaller, attempt, type Caller, type Outcome, sqlState } from "./actors.ts";
import { user, withTenants } from "./two-tenants.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const MAX_INT = 2147483647;

/** An insert into `table`, plus one more column and its value when `extra` names one. */
function insertWith(table: string, columns: string, values: string, extra?: [string, string]) {
  const [column, value] = extra ?? [];
  return `insert into public.${table} (${columns}${column ? `, ${column}` : ""})
          values (${values}${column ? `, ${value}` : ""})`;
}

/** The named outcomes that are not `expected` (none, when all are). */
function notAll(expected: Outcome, outcomes: Record<string, Outcome>) {
  return Object.fromEntries(Object.entries(outcomes).filter(([, outcome]) => outcome !== expected));
}

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
      assert.deepEqual(notAll("denied", forged), {});
      // not vacuous: triage still works
      const triage = {
        priority: await set(`is_priority = true`),
        assignee: await set(`assigned_to = $2`, [a.users.admin.id]),
        aiMode: await set(`ai_mode = 'supervised'`),
        qualification: await set(`qualification_state = 'qualified'`),
        archived: await set(`archived_at = now()`),
        lead: await set(`recruiting_lead_id = $2`, [a.leadId]),
      };
      assert.deepEqual(notAll("allowed", triage), {});
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

// 20261122120600_create_messages.sql granted insert on every column of messages.
Deno.test(
  "a member's reply cannot carry reactions, delivery or read times, a deletion or an error",
  options,
  () =>
    withTenants("cols-msg", async (_sql, a) => {
      const reply = (extra?: [string, string]) =>
        attempt(
          user(a, "recruiter"),
          insertWith(
            "messages",
            "imo_id, channel_account_id, conversation_id, direction, author_kind, author_user_id, text, status",
            "$1, $2, $3, 'outbound', 'user', $4, 'Hi', 'pending'",
            extra,
          ),
          [a.imoId, a.channelAccountId, a.conversationId, a.users.recruiter.id],
        );
      const forged = {
        reactions: await reply(["reactions", `'[{"by":"contact","reaction":"love"}]'`]),
        readAt: await reply(["read_at", "now()"]),
        deliveredAt: await reply(["delivered_at", "now()"]),
        deletedAt: await reply(["deleted_at", "now()"]),
        errorMessage: await reply(["error_message", "'Meta refused'"]),
        errorCode: await reply(["error_code", "'100'"]),
        externalId: await reply(["external_id", "null"]),
        sentAt: await reply(["sent_at", "now() - interval '1 day'"]),
      };
      assert.deepEqual(notAll("denied", forged), {});

      const stored = await asCaller(user(a, "recruiter"), async (tx) => {
        const [row] = await tx`
          insert into public.messages (imo_id, channel_account_id, conversation_id, direction,
            author_kind, author_user_id, text, status)
          values (${a.imoId}, ${a.channelAccountId}, ${a.conversationId}, 'outbound', 'user',
            ${a.users.recruiter.id}, 'Hi', 'pending')
          returning reactions, read_at, delivered_at, deleted_at, error_message, sent_at`;
        return row!;
      });
      const { sent_at, ...rest } = stored;
      assert.deepEqual({ ...rest }, {
        reactions: [],
        read_at: null,
        delivered_at: null,
        deleted_at: null,
        error_message: null,
      });
      assert.ok(Math.abs((sent_at as Date).getTime() - Date.now()) < 60_000);
    }),
);

// 20261122120300 and 20261122120700: created_by was granted and no policy looked at it.
Deno.test(
  "leads and templates are created by the caller, whoever they name",
  options,
  () =>
    withTenants("cols-author", async (_sql, a, b) => {
      const lead = (createdBy?: string) =>
        createdBy
          ? attempt(
            user(a, "recruiter"),
            `insert into public.recruiting_leads (imo_id, full_name, created_by) values ($1, 'X', $2)`,
            [a.imoId, createdBy],
          )
          : asCaller(user(a, "recruiter"), (tx) =>
            tx`insert into public.recruiting_leads (imo_id, full_name)
               values (${a.imoId}, 'X') returning created_by`.then(([row]) => row!.created_by));
      const template = (createdBy?: string) =>
        createdBy
          ? attempt(
            user(a, "admin"),
            `insert into public.message_templates (imo_id, name, content, category, created_by)
             values ($1, 'Forged', 'Hello', 'greeting', $2)`,
            [a.imoId, createdBy],
          )
          : asCaller(user(a, "admin"), (tx) =>
            tx`insert into public.message_templates (imo_id, name, content, category)
               values (${a.imoId}, 'Mine', 'Hello', 'greeting') returning created_by`
              .then(([row]) =>
                row!.created_by
              ));

      assert.deepEqual(
        {
          leadByColleague: await lead(a.users.owner.id),
          leadByStranger: await lead(b.users.owner.id),
          templateByColleague: await template(a.users.owner.id),
          templateByStranger: await template(b.users.owner.id),
        },
        {
          leadByColleague: "denied",
          leadByStranger: "denied",
          templateByColleague: "denied",
          templateByStranger: "denied",
        },
      );
      assert.equal(await lead(), a.users.recruiter.id);
      assert.equal(await template(), a.users.admin.id);
      // and nobody rewrites it afterwards
      assert.equal(
        await attempt(
          user(a, "owner"),
          `update public.recruiting_leads set created_by = $2 where id = $1`,
          [a.leadId, a.users.owner.id],
        ),
        "denied",
      );
    }),
);

Deno.test(
  "a template's use count is not writable; its deletion is dated by the server",
  options,
  () =>
    withTenants("cols-tmpl", async (_sql, a) => {
      const admin = user(a, "admin");
      assert.equal(
        await attempt(admin, `update public.message_templates set use_count = 9999 where id = $1`, [
          a.templateId,
        ]),
        "denied",
      );
      const deletedAt = await asCaller(admin, async (tx) => {
        const [row] = await tx`
        update public.message_templates set deleted_at = '2001-01-01T00:00:00Z'
        where id = ${a.templateId} returning deleted_at`;
        return row!.deleted_at as Date;
      });
      assert.ok(Math.abs(deletedAt.getTime() - Date.now()) < 60_000, deletedAt.toISOString());
    }),
);

/** Runs `fn` as a second recruiter of the tenant: a colleague of `scheduledMessageId`'s author. */
async function asColleague(
  sql: postgres.Sql,
  tenant: Tenant,
  fn: (colleague: Caller) => Promise<void>,
): Promise<void> {
  const colleague = await createUser(sql, "colleague");
  try {
    await sql`insert into public.imo_members (imo_id, user_id, role)
              values (${tenant.imoId}, ${colleague.id}, 'recruiter')`;
    await fn({ kind: "user", claims: colleague.claims });
  } finally {
    await sql`delete from auth.users where id = ${colleague.id}`;
  }
}

// 20261122120800_create_scheduled_messages.sql: any member could edit a colleague's queued text
// (then sent under the colleague's name) or cancel it, and a cancellation needed no signature.
Deno.test(
  "a scheduled message is edited or cancelled only by its author or an owner or admin",
  options,
  () =>
    withTenants("sched-edit", (sql, a) =>
      asColleague(sql, a, async (colleague) => {
        const edit = `update public.scheduled_messages set text = 'Rewritten' where id = $1`;
        const cancel = `update public.scheduled_messages set status = 'cancelled' where id = $1`;
        const id = [a.scheduledMessageId];
        assert.deepEqual(
          {
            colleagueEdits: await attempt(colleague, edit, id),
            colleagueCancels: await attempt(colleague, cancel, id),
            authorEdits: await attempt(user(a, "recruiter"), edit, id),
            adminEdits: await attempt(user(a, "admin"), edit, id),
            ownerCancels: await attempt(user(a, "owner"), cancel, id),
          },
          {
            colleagueEdits: "filtered",
            colleagueCancels: "filtered",
            authorEdits: "allowed",
            adminEdits: "allowed",
            ownerCancels: "allowed",
          },
        );
      })),
);

Deno.test(
  "a cancellation is signed and dated by the server",
  options,
  () =>
    withTenants("sched-cancel", async (sql, a) => {
      const cancelAs = (role: "recruiter" | "admin") =>
        asCaller(user(a, role), async (tx) => {
          const [row] = await tx`
          update public.scheduled_messages set status = 'cancelled'
          where id = ${a.scheduledMessageId} returning cancelled_by, cancelled_at`;
          throw new Signed(row!.cancelled_by, row!.cancelled_at);
        }).catch((error) => {
          if (error instanceof Signed) return error;
          throw error;
        });
      const byAuthor = await cancelAs("recruiter");
      const byAdmin = await cancelAs("admin");
      assert.deepEqual([byAuthor.by, byAdmin.by], [a.users.recruiter.id, a.users.admin.id]);
      for (const { at } of [byAuthor, byAdmin]) {
        assert.ok(at && Math.abs(at.getTime() - Date.now()) < 60_000, String(at));
      }
      const forge = (assignment: string, params: string[] = []) =>
        attempt(
          user(a, "recruiter"),
          `update public.scheduled_messages set status = 'cancelled', ${assignment} where id = $1`,
          [a.scheduledMessageId, ...params],
        );
      assert.deepEqual(
        {
          cancelledBy: await forge("cancelled_by = $2", [a.users.owner.id]),
          cancelledAt: await forge("cancelled_at = now() - interval '1 day'"),
        },
        { cancelledBy: "denied", cancelledAt: "denied" },
      );
      const [row] = await sql`select status from public.scheduled_messages
                            where id = ${a.scheduledMessageId}`;
      assert.equal(row!.status, "pending", "every attempt was rolled back");
    }),
);

class Signed {
  constructor(readonly by: string | null, readonly at: Date | null) {}
}

Deno.test(
  "a scheduled message's attempts, errors, window and outcome are the server's",
  options,
  () =>
    withTenants("sched-insert", async (sql, a) => {
      const schedule = (extra?: [string, string]) =>
        attempt(
          user(a, "recruiter"),
          insertWith(
            "scheduled_messages",
            "imo_id, channel_account_id, conversation_id, text, scheduled_for",
            "$1, $2, $3, 'Later', now() + interval '1 hour'",
            extra,
          ),
          [a.imoId, a.channelAccountId, a.conversationId],
        );
      const forged = {
        attempts: await schedule(["attempts", "5"]),
        lastError: await schedule(["last_error", "'boom'"]),
        cancelledBy: await schedule(["cancelled_by", "null"]),
        windowExpiresAt: await schedule(["window_expires_at", "now() + interval '1 year'"]),
        sentMessageId: await schedule(["sent_message_id", "null"]),
        sentAt: await schedule(["sent_at", "now()"]),
        status: await schedule(["status", "'pending'"]),
        createdBy: await schedule(["created_by", "null"]),
      };
      assert.deepEqual(notAll("denied", forged), {});
      assert.equal(
        await attempt(
          user(a, "admin"),
          `update public.scheduled_messages set sent_message_id = $2, attempts = 0 where id = $1`,
          [a.scheduledMessageId, a.outboundMessageId],
        ),
        "denied",
      );

      await sql`update public.conversations set can_reply_until = now() + interval '3 hours'
                where id = ${a.conversationId}`;
      const stored = await asCaller(user(a, "recruiter"), async (tx) => {
        const [row] = await tx`
          insert into public.scheduled_messages (imo_id, channel_account_id, conversation_id, text,
            scheduled_for)
          values (${a.imoId}, ${a.channelAccountId}, ${a.conversationId}, 'Later',
            now() + interval '1 hour')
          returning created_by, status, attempts,
            window_expires_at = (select can_reply_until from public.conversations
                                 where id = ${a.conversationId}) as window_is_the_conversations`;
        return { ...row! };
      });
      assert.deepEqual(stored, {
        created_by: a.users.recruiter.id,
        status: "pending",
        attempts: 0,
        window_is_the_conversations: true,
      });
    }),
);

// sent_message_id referenced messages (id) alone: a scheduled message could claim another
// IMO's message as what it sent.
Deno.test(
  "a scheduled message's sent message is a message of its own conversation",
  options,
  () =>
    withTenants("sched-sent", async (sql, a, b) => {
      const link = (messageId: string) =>
        sqlState(sql`update public.scheduled_messages set sent_message_id = ${messageId}
                   where id = ${a.scheduledMessageId}`);
      assert.equal(await link(b.outboundMessageId), "23503");
      assert.equal(await link(a.outboundMessageId), "none");
    }),
);
