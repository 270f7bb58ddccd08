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

// 20261122120600_create_messages.sql granted insert on every column of messages.
Deno.test(
  "a member's reply cannot carry reactions, delivery or read times, a deletion or an error",
  options,
  () =>
    withTenants("cols-msg", async (_sql, a) => {
      const reply = (column?: string, value?: string) =>
        attempt(
          user(a, "recruiter"),
          `insert into public.messages (imo_id, channel_account_id, conversation_id, direction,
             author_kind, author_user_id, text, status${column ? `, ${column}` : ""})
           values ($1, $2, $3, 'outbound', 'user', $4, 'Hi', 'pending'${
            column ? `, ${value}` : ""
          })`,
          [a.imoId, a.channelAccountId, a.conversationId, a.users.recruiter.id],
        );
      const forged = {
        reactions: await reply("reactions", `'[{"by":"contact","reaction":"love"}]'`),
        readAt: await reply("read_at", "now()"),
        deliveredAt: await reply("delivered_at", "now()"),
        deletedAt: await reply("deleted_at", "now()"),
        errorMessage: await reply("error_message", "'Meta refused'"),
        errorCode: await reply("error_code", "'100'"),
        externalId: await reply("external_id", "null"),
        sentAt: await reply("sent_at", "now() - interval '1 day'"),
      };
      assert.deepEqual(
        Object.values(forged).filter((o) => o !== "denied"),
        [],
        JSON.stringify(forged),
      );

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
