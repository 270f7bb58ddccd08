/**
 * The messages trigger (private.apply_messages_to_conversations) and what surrounds it: the inbox
 * fields it keeps, the messaging windows, story-mention-only threads, mid deduplication,
 * mark_conversation_read and the tenant-consistent foreign keys.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { platformEnv } from "../../scripts/testing/platform-env.ts";
import {
  createConversation,
  createTenant,
  removeTenant,
  type Tenant,
  uniqueSuffix,
} from "../../scripts/testing/tenants.ts";
import { asCaller, sqlState } from "./actors.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const HOUR = 3_600_000;
const T0 = new Date("2026-11-20T10:00:00.000Z");
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

interface Thread {
  imoId: string;
  channelAccountId: string;
  conversationId: string;
}

interface NewMessage {
  direction?: "inbound" | "outbound";
  type?: string;
  text?: string | null;
  attachments?: { type: string; url?: string }[];
  status?: string;
  sentAt?: Date;
  externalId?: string | null;
  authorUserId?: string | null;
}

Deno.test("messages trigger, windows, dedup, mark-read, tenant FKs", options, async (t) => {
  const sql = postgres(platformEnv().databaseUrl, { max: 2, onnotice: () => {} });
  const a: Tenant = await createTenant(sql, "trig-a");
  const b: Tenant = await createTenant(sql, "trig-b");
  const thread = async (tenant = a): Promise<Thread> => ({
    imoId: tenant.imoId,
    channelAccountId: tenant.channelAccountId,
    ...await createConversation(sql, tenant.imoId, tenant.channelAccountId),
  });
  /**
   * Several messages in one insert statement, stored in the order given. Their AI queue jobs go in
   * the same transaction: an analysis by a drain running for another test updates the conversation.
   */
  const insertMany = (messages: [Thread, NewMessage][]) =>
    sql.begin(async (tx) => {
      const rows = await tx<{ id: string }[]>`
      insert into public.messages ${
        tx(messages.map(([c, m]) => {
          const direction = m.direction ?? "inbound";
          return {
            imo_id: c.imoId,
            channel_account_id: c.channelAccountId,
            conversation_id: c.conversationId,
            external_id: m.externalId === undefined ? `mid.${uniqueSuffix()}` : m.externalId,
            direction,
            author_kind: direction === "inbound"
              ? "contact"
              : m.authorUserId
              ? "user"
              : "automation",
            author_user_id: m.authorUserId ?? null,
            type: m.type ?? "text",
            text: m.text === undefined ? "Hi" : m.text,
            attachments: tx.json(m.attachments ?? []),
            status: m.status ?? (direction === "inbound" ? "delivered" : "sent"),
            sent_at: m.sentAt ?? at(0),
          };
        }))
      } returning id`;
      await tx`delete from public.ai_analysis_jobs
        where message_id = any(${rows.map((r) => r.id)}::uuid[])`;
    });
  const insert = (c: Thread, m: NewMessage = {}) => insertMany([[c, m]]);
  const state = async (c: Thread) => {
    const [row] = await sql`
      select unread_count as unread, last_message_at, last_message_preview as preview,
             last_message_direction as direction, last_inbound_at, can_reply_until,
             human_agent_until, only_story_mentions, last_read_at, updated_at
      from public.conversations where id = ${c.conversationId}`;
    return { ...row! };
  };

  try {
    await t.step("an inbound message: unread +1, last message, windows from sent_at", async () => {
      const c = await thread();
      await insert(c, { text: "Is the   role\n remote?", sentAt: at(0) });
      const { updated_at: _, last_read_at: __, ...after } = await state(c);
      assert.deepEqual(after, {
        unread: 1,
        last_message_at: at(0),
        preview: "Is the role remote?",
        direction: "inbound",
        last_inbound_at: at(0),
        can_reply_until: at(24),
        human_agent_until: at(24 * 7),
        only_story_mentions: false,
      });
      await insert(c, { text: "Hello?", sentAt: at(2) });
      const second = await state(c);
      assert.equal(second.unread, 2);
      assert.deepEqual(
        [second.last_inbound_at, second.can_reply_until, second.human_agent_until],
        [at(2), at(26), at(2 + 24 * 7)],
      );
    });

    await t.step("previews by message type", async () => {
      const c = await thread();
      const cases: [NewMessage, string][] = [
        [{ text: "x".repeat(200) }, "x".repeat(140)],
        [{ type: "media", text: null, attachments: [{ type: "image" }] }, "Sent a photo"],
        [{ type: "media", text: null, attachments: [{ type: "video" }] }, "Sent a video"],
        [{ type: "media", text: null, attachments: [{ type: "audio" }] }, "Sent a voice message"],
        [{ type: "media", text: null, attachments: [{ type: "file" }] }, "Sent a file"],
        [{ type: "media", text: "", attachments: [{ type: "sticker" }] }, "Sent an attachment"],
        [{ type: "media", text: "Look at this", attachments: [{ type: "image" }] }, "Look at this"],
        [
          { type: "story_mention", text: null, attachments: [{ type: "story_mention" }] },
          "Mentioned you in their story",
        ],
        [{ type: "story_reply", text: "Love it" }, "Replied to your story: Love it"],
        [{ type: "share", text: null, attachments: [{ type: "share" }] }, "Shared a post"],
      ];
      const actual: string[] = [];
      for (const [i, [message]] of cases.entries()) {
        await insert(c, { ...message, sentAt: at(i) });
        actual.push((await state(c)).preview);
      }
      assert.deepEqual(actual, cases.map(([, preview]) => preview));
    });

    await t.step("an outbound message moves the list but not unread or the windows", async () => {
      const fresh = await thread();
      await insert(fresh, { direction: "outbound", text: "Hi from us", sentAt: at(0) });
      const first = await state(fresh);
      assert.deepEqual(
        [first.unread, first.last_message_at, first.direction, first.preview],
        [0, at(0), "outbound", "Hi from us"],
      );
      assert.deepEqual([first.last_inbound_at, first.can_reply_until, first.human_agent_until], [
        null,
        null,
        null,
      ]);

      const c = await thread();
      await insert(c, { text: "Question", sentAt: at(0) });
      await insert(c, { direction: "outbound", text: "Answer", sentAt: at(1) });
      const after = await state(c);
      assert.deepEqual(
        [after.unread, after.last_message_at, after.direction, after.preview],
        [1, at(1), "outbound", "Answer"],
      );
      assert.deepEqual(
        [after.last_inbound_at, after.can_reply_until, after.human_agent_until],
        [at(0), at(24), at(24 * 7)],
      );
    });

    await t.step("a late (older) message does not rewind the list or the windows", async () => {
      const c = await thread();
      await insert(c, { text: "newer", sentAt: at(5) });
      await insert(c, { text: "older", sentAt: at(1) });
      await insert(c, { direction: "outbound", text: "older reply", sentAt: at(2) });
      const after = await state(c);
      assert.deepEqual(
        [after.last_message_at, after.preview, after.direction, after.unread],
        [at(5), "newer", "inbound", 2],
      );
      assert.deepEqual(
        [after.last_inbound_at, after.can_reply_until, after.human_agent_until],
        [at(5), at(29), at(5 + 24 * 7)],
      );
    });

    await t.step("a draft moves nothing", async () => {
      const c = await thread();
      await insert(c, { text: "Question", sentAt: at(0) });
      const before = await state(c);
      await insert(c, {
        direction: "outbound",
        status: "draft",
        text: "Unsent draft",
        sentAt: at(3),
        externalId: null,
        authorUserId: a.users.recruiter.id,
      });
      assert.deepEqual(await state(c), before);
    });

    await t.step("only_story_mentions holds while every message is a story mention", async () => {
      const mention = {
        type: "story_mention",
        text: null,
        attachments: [{ type: "story_mention" }],
      };
      const c = await thread();
      const seen = [(await state(c)).only_story_mentions];
      for (const [i, message] of [mention, mention, { text: "Hi!" }, mention].entries()) {
        await insert(c, { ...message, sentAt: at(i) });
        seen.push((await state(c)).only_story_mentions);
      }
      assert.deepEqual(seen, [false, true, true, false, false]);

      const repliedFirst = await thread();
      await insert(repliedFirst, { direction: "outbound", text: "Welcome", sentAt: at(0) });
      await insert(repliedFirst, { ...mention, sentAt: at(1) });
      assert.equal((await state(repliedFirst)).only_story_mentions, false);
    });

    await t.step(
      "messages stored in one statement move each conversation as one by one",
      async () => {
        const mention = {
          type: "story_mention",
          text: null,
          attachments: [{ type: "story_mention" }],
        };
        // in storing order: a tie on sent_at goes to the later stored, a late one rewinds nothing,
        // a draft moves nothing, and a thread of mentions only stays one
        const script = (
          mixed: Thread,
          mentions: Thread,
          replied: Thread,
        ): [Thread, NewMessage][] => [
          [mixed, { text: "first", sentAt: at(1) }],
          [mentions, { ...mention, sentAt: at(0) }],
          [mixed, { direction: "outbound", text: "ours, newest", sentAt: at(3) }],
          [replied, { direction: "outbound", text: "Welcome", sentAt: at(0) }],
          [mixed, { text: "theirs, as new, stored later", sentAt: at(3) }],
          [mentions, { ...mention, sentAt: at(1) }],
          [mixed, { text: "late", sentAt: at(2) }],
          [replied, { ...mention, sentAt: at(1) }],
          [mixed, {
            direction: "outbound",
            status: "draft",
            text: "Unsent draft",
            sentAt: at(9),
            externalId: null,
            authorUserId: a.users.recruiter.id,
          }],
        ];
        const oneByOne = [await thread(), await thread(), await thread()] as const;
        for (const [c, message] of script(...oneByOne)) await insert(c, message);
        const together = [await thread(), await thread(), await thread()] as const;
        await insertMany(script(...together));

        const compared = async (c: Thread) => {
          const { updated_at: _, last_read_at: __, ...row } = await state(c);
          return row;
        };
        const expected = await Promise.all(oneByOne.map(compared));
        assert.deepEqual(await Promise.all(together.map(compared)), expected);
        assert.deepEqual(
          expected.map((row) => [row.preview, row.unread, row.only_story_mentions]),
          [
            ["theirs, as new, stored later", 3, false],
            ["Mentioned you in their story", 2, true],
            ["Mentioned you in their story", 1, false],
          ],
        );
      },
    );

    await t.step(
      "the contact's messages stored together reopen and release or cancel as one by one",
      async () => {
        const now = Date.now();
        const from = (minutes: number) => new Date(now + minutes * 60_000);
        const c = await thread();
        const mentioned = await thread();
        for (const archived of [c, mentioned]) {
          // the archive is dated by the server: now
          await sql`update public.conversations set archived_at = now()
                    where id = ${archived.conversationId}`;
        }
        const scheduled = async (
          on: Thread,
          options: { wait?: boolean; cancel?: boolean; createdAt: Date },
        ) => {
          const [row] = await sql<{ id: string }[]>`
            insert into public.scheduled_messages (imo_id, channel_account_id, conversation_id,
              text, scheduled_for, wait_for_reply, cancel_if_reply, created_at)
            values (${on.imoId}, ${on.channelAccountId}, ${on.conversationId}, 'Following up',
              ${options.wait ? null : from(300)}, ${options.wait ?? false},
              ${options.cancel ?? false}, ${options.createdAt})
            returning id`;
          return row!.id;
        };
        const waiting = await scheduled(c, { wait: true, createdAt: from(-30) });
        const cancelling = await scheduled(c, { cancel: true, createdAt: from(-30) });
        const later = await scheduled(c, { wait: true, createdAt: from(180) });
        const mentionWaits = await scheduled(mentioned, { wait: true, createdAt: from(-30) });

        // an old one stored late, then two new ones: the first new one stored is the reply
        await insertMany([
          [c, { sentAt: from(-60) }],
          [c, { sentAt: from(120) }],
          [c, { sentAt: from(60) }],
          [mentioned, { type: "story_mention", text: null, sentAt: from(60) }],
        ]);

        const archive = await sql`select id, archived_at from public.conversations
          where id in (${c.conversationId}, ${mentioned.conversationId})`;
        assert.deepEqual(archive.map((row) => row.archived_at), [null, null]);
        const rows = new Map(
          (await sql`
            select id, status, scheduled_for, window_expires_at, released_at is not null as released,
              last_error
            from public.scheduled_messages
            where id in (${waiting}, ${cancelling}, ${later}, ${mentionWaits})`)
            .map(({ id, ...row }) => [id as string, row]),
        );
        assert.deepEqual(rows.get(waiting), {
          status: "pending",
          scheduled_for: from(120),
          window_expires_at: from(120 + 24 * 60),
          released: true,
          last_error: null,
        });
        assert.equal(rows.get(cancelling)!.status, "cancelled");
        assert.equal(rows.get(cancelling)!.last_error, "The contact replied first");
        // created after every message, and a story mention is not the contact writing: untouched
        for (const untouched of [later, mentionWaits]) {
          assert.deepEqual(rows.get(untouched), {
            status: "pending",
            scheduled_for: null,
            window_expires_at: null,
            released: false,
            last_error: null,
          });
        }
      },
    );

    await t.step("a mid is unique per channel account, not across accounts", async () => {
      const mid = `mid.dup.${uniqueSuffix()}`;
      await insert(await thread(), { externalId: mid });
      assert.equal(await sqlState(insert(await thread(), { externalId: mid })), "23505");
      assert.equal(await sqlState(insert(await thread(b), { externalId: mid })), "none");
    });

    await t.step("mark_conversation_read: members only, false for other IMOs", async () => {
      const c = await thread();
      await insert(c, { sentAt: at(0) });
      await insert(c, { sentAt: at(1) });
      const markAs = (claims: Tenant["users"]["owner"]["claims"]) =>
        asCaller(
          { kind: "user", claims },
          (tx) => tx`select public.mark_conversation_read(${c.conversationId}) as ok`,
        )
          .then(([row]) => row!.ok);

      assert.equal(await markAs(b.users.owner.claims), false);
      assert.deepEqual([(await state(c)).unread, (await state(c)).last_read_at], [2, null]);
      assert.equal(
        await sqlState(
          asCaller(
            { kind: "anon" },
            (tx) => tx`select public.mark_conversation_read(${c.conversationId})`,
          ),
        ),
        "42501",
      );

      assert.equal(await markAs(a.users.recruiter.claims), true);
      const after = await state(c);
      assert.equal(after.unread, 0);
      assert.ok(after.last_read_at instanceof Date);
    });

    await t.step("tenant-consistent foreign keys refuse rows of mixed IMOs", async () => {
      const c = await thread();
      assert.equal(await sqlState(insert({ ...c, imoId: b.imoId })), "23503");
      assert.equal(
        await sqlState(insert({ ...c, channelAccountId: b.channelAccountId })),
        "23503",
      );
      assert.equal(
        await sqlState(sql`insert into public.conversations (imo_id, channel_account_id, contact_id)
          values (${a.imoId}, ${a.channelAccountId}, ${b.spareContactId})`),
        "23503",
      );
      assert.equal(
        await sqlState(sql`insert into public.scheduled_messages (imo_id, channel_account_id,
            conversation_id, text, scheduled_for)
          values (${b.imoId}, ${a.channelAccountId}, ${a.conversationId}, 'x', now())`),
        "23503",
      );
      assert.equal(await sqlState(insert(c)), "none");
    });
  } finally {
    await removeTenant(sql, a);
    await removeTenant(sql, b);
    await sql.end();
  }
});
