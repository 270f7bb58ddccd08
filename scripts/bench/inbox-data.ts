/**
 * The benchmarks' inbox data: one IMO (A) with a channel account, contacts, conversations and
 * messages written through the messages trigger as ingestion would, and a second IMO (B) so that
 * RLS has rows to hide. Deterministic (pseudo-random from hashint4), so every run has the same data.
 */
import type postgres from "postgres";

export interface InboxDataSize {
  conversations: number;
  /** conversations of A that never got a message (sorted last: `nulls last`) */
  withoutMessages: number;
  messages: number;
  otherConversations: number;
  otherMessages: number;
}

// messages per statement, and sessions inserting at once (each owns the conversations c % n = i)
const CHUNK = 10_000;
export const PARALLEL = Math.max(2, Math.min(8, navigator.hardwareConcurrency || 2));

export const A = {
  prefix: "a",
  imo: "a1000000-0000-4000-8000-000000000001",
  account: "b1000000-0000-4000-8000-000000000001",
  user: "d1000000-0000-4000-8000-000000000001",
};
export const B = {
  prefix: "b",
  imo: "a1000000-0000-4000-8000-000000000002",
  account: "b1000000-0000-4000-8000-000000000002",
  user: "d1000000-0000-4000-8000-000000000002",
};
export type Tenant = typeof A;

/** An id from a name: md5, stamped as version 4 so that the API's zod takes it as a UUID. */
const uuidOf = (name: string) =>
  `overlay(overlay(md5(${name}) placing '4' from 13) placing '8' from 17)::uuid`;

export async function generateInbox(sql: postgres.Sql, size: InboxDataSize) {
  const started = performance.now();
  const report = (label: string, rows: number, t0: number) =>
    console.log(
      `  ${label.padEnd(44)} ${String(rows).padStart(8)} rows ${
        ((performance.now() - t0) / 1000).toFixed(2).padStart(7)
      } s`,
    );
  const step = async (label: string, text: string, params: readonly unknown[] = []) => {
    const t0 = performance.now();
    const result = await sql.unsafe(text, params as never[]);
    report(label, result.count ?? result.length, t0);
  };

  console.log("Generating data (messages trigger on, Realtime broadcasts and AI queue off)...");
  // The benches measure reads: a million broadcasts that nobody listens to would only slow the
  // load, and a history is one the AI has long analysed. Half a million queued analyses would
  // drain while the bench measures, and the drain locks conversations in id order while these
  // inserts lock them in message order: a deadlock.
  await sql.unsafe(`
    alter table public.messages disable trigger messages_broadcast_insert;
    alter table public.messages disable trigger messages_broadcast_update;
    alter table public.messages disable trigger messages_enqueue_ai_analysis;
    alter table public.conversations disable trigger conversations_broadcast_insert;
    alter table public.conversations disable trigger conversations_broadcast_update`);
  for (const t of [A, B]) {
    await step(
      `users, IMO, member, account (${t.prefix})`,
      `with u as (
        insert into auth.users (instance_id, id, aud, role, email, created_at, updated_at)
        values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated',
                'bench-' || $4 || '@bench.local', now(), now())
        returning id
      ), i as (
        insert into public.imos (id, name, slug) values ($2, 'Bench ' || $4, 'bench-' || $4) returning id
      ), m as (
        insert into public.imo_members (imo_id, user_id, role)
        select i.id, u.id, 'recruiter' from i, u returning imo_id
      )
      insert into public.channel_accounts (id, imo_id, platform, auth_path, external_account_id, username)
      select $3, m.imo_id, 'instagram', 'instagram_login', '178414999' || lpad($5::text, 8, '0'),
             'bench.' || $4
      from m`,
      [t.user, t.imo, t.account, t.prefix, t === A ? 1 : 2],
    );
  }

  const people = (t: Tenant, n: number) =>
    [
      `contacts (${t.prefix})`,
      `insert into public.contacts (id, imo_id, channel_account_id, external_id, username, display_name,
       follower_count, profile_fetched_at, created_at)
     select ${uuidOf("$1 || '-contact-' || g")}, $2, $3, (9700000000000000 + g)::text,
       f.name || '.' || l.name || g, initcap(f.name) || ' ' || initcap(l.name), (g * 7919) % 20000,
       now() - interval '120 days', now() - interval '120 days'
     from generate_series(1, $4::int) g
     cross join lateral (select (array['maria', 'jose', 'liam', 'olivia', 'noah', 'emma', 'ava',
       'mateo', 'sofia', 'lucas', 'mia', 'ethan', 'zoe', 'kwame', 'priya', 'chloe', 'marcus',
       'hannah', 'dmitri', 'aisha', 'sakura', 'gabriel', 'isabella', 'oliver', 'fatima', 'andre',
       'tasha', 'ming', 'soren', 'renee', 'emily', 'mike', 'lukasz', 'nguyen', 'sam', 'riley',
       'dana', 'jordan', 'taylor', 'casey'])[1 + g % 40] as name) as f
     cross join lateral (select (array['gonzalez', 'rodriguez', 'mueller', 'thao', 'boateng',
       'reyes', 'obrien', 'benali', 'lee', 'sharma', 'lavoie', 'volkov', 'tan', 'johnson',
       'kowalski', 'nowak', 'williams', 'odegaard', 'li', 'santos', 'chen', 'dubois', 'zahra',
       'smith', 'rossi', 'garcia', 'patel', 'brown', 'tanaka', 'martin', 'nguyen', 'kim', 'lopez',
       'silva', 'ivanova', 'haddad', 'okafor', 'schmidt', 'moreau', 'costa'])[1 + (g / 40) % 40]
       as name) as l`,
      [t.prefix, t.imo, t.account, n],
    ] as const;

  const threads = (t: Tenant, n: number) =>
    [
      `conversations (${t.prefix})`,
      `insert into public.conversations (id, imo_id, channel_account_id, contact_id,
       external_conversation_id, is_priority, assigned_to, created_at)
     select ${uuidOf("$1 || '-conv-' || g")}, $2, $3, ${uuidOf("$1 || '-contact-' || g")},
       $1 || '-thread-' || g, g % 37 = 0, case when g % 5 = 0 then $4::uuid end,
       now() - interval '120 days'
     from generate_series(1, $5::int) g`,
      [t.prefix, t.imo, t.account, t.user, n],
    ] as const;

  /*
   * Messages g in [from, to]: the first `active` ones give every active conversation one old
   * message; the rest go to conversations skewed towards the low numbers (a few very long threads,
   * a long tail of short ones), oldest first, 55 % inbound, a mix of message types. Pseudo-random
   * from hashint4(g), so every run has the same data; this session takes the conversations with
   * c % parts = part.
   */
  const messages = (
    t: Tenant,
    active: number,
    total: number,
    from: number,
    to: number,
    part: number,
    skew: number,
  ) =>
    [
      `insert into public.messages (imo_id, channel_account_id, conversation_id, external_id,
       direction, author_kind, author_user_id, type, text, attachments, status, sent_at)
     select $2, $3, ${uuidOf("$1 || '-conv-' || x.c")}, 'aWdfZAG1bench' || $1 || x.g,
       case when x.inbound then 'inbound' else 'outbound' end::public.message_direction,
       case when x.inbound then 'contact' else 'user' end::public.message_author_kind,
       case when x.inbound then null else $4::uuid end,
       x.type::public.message_type,
       case when x.type in ('text', 'story_reply') then (array[
         'Hi! Is the agent role still open?', 'What is the commission split for new agents?',
         'Do you sponsor licensing?', 'Can we move the interview to Friday?',
         'Is part-time possible? I work mornings', 'I just passed my exam!',
         'How long is training before I can sell?', 'Thanks, talk soon 🙏',
         'Do you hire without a degree?', 'Sent you my resume by email'])[1 + (x.g * 31) % 10] end,
       case x.type when 'media' then '[{"type": "image", "url": "https://lookaside.fbsbx.com/x"}]'
         when 'story_mention' then '[{"type": "story_mention", "url": "https://lookaside.fbsbx.com/s"}]'
         when 'reel' then '[{"type": "reel", "url": "https://www.instagram.com/reel/x/"}]'
         else '[]' end::jsonb,
       case when x.inbound then 'sent' else 'delivered' end::public.message_status,
       x.sent_at
     from (
       select g,
         case when g <= $5 then g else 1 + floor(($5::int) * power(
           (hashint4(g) & 2147483647)::float8 / 2147483648, $11::float8))::int end as c,
         case when g <= $5 then now() - interval '90 days' + g * interval '1 second'
           else now() - interval '83 days' + (g - $5) * (interval '83 days' / ($6::int - $5)) end
           as sent_at,
         (hashint4(g + 1000003) & 1023) < 563 as inbound,
         case when g % 50 = 0 then 'story_mention' when g % 50 = 1 then 'media'
           when g % 100 = 2 then 'reel' when g % 100 = 3 then 'story_reply' else 'text' end as type
       from generate_series($7::int, $8::int) g
     ) x
     where x.c % $9 = $10
     order by x.g`,
      [t.prefix, t.imo, t.account, t.user, active, total, from, to, PARALLEL, part, skew],
    ] as const;
  /** `skew`: the exponent; 2 gives the busiest of 10,000 threads about 1 % of all messages. */
  const messageChunks = async (t: Tenant, active: number, total: number, skew: number) => {
    const t0 = performance.now();
    for (let from = 1; from <= total; from += CHUNK) {
      const to = Math.min(total, from + CHUNK - 1);
      await Promise.all(
        Array.from({ length: PARALLEL }, (_, part) => {
          const [text, params] = messages(t, active, total, from, to, part, skew);
          return sql.unsafe(text, [...params] as never[]);
        }),
      );
    }
    report(`messages (${t.prefix}), ${PARALLEL} sessions`, total, t0);
  };

  await step(...people(A, size.conversations));
  await step(...people(B, size.otherConversations));
  await step(...threads(A, size.conversations));
  await step(...threads(B, size.otherConversations));
  const active = size.conversations - size.withoutMessages;
  const t0 = performance.now();
  await messageChunks(A, active, size.messages, 2);
  await messageChunks(B, size.otherConversations, size.otherMessages, 2);
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `  messages: ${size.messages + size.otherMessages} in ${seconds.toFixed(1)} s ` +
      `(${Math.round((size.messages + size.otherMessages) / seconds)}/s through the trigger)`,
  );
  // the trigger counts every inbound message as unread; most threads have been read since
  await step(
    "mark ~90 % of conversations read",
    `update public.conversations set unread_count = 0, last_read_at = last_message_at
     where unread_count > 0 and abs(hashtext(id::text)) % 10 <> 0`,
  );
  await sql.unsafe(`
    alter table public.messages enable trigger messages_broadcast_insert;
    alter table public.messages enable trigger messages_broadcast_update;
    alter table public.messages enable trigger messages_enqueue_ai_analysis;
    alter table public.conversations enable trigger conversations_broadcast_insert;
    alter table public.conversations enable trigger conversations_broadcast_update`);
  await step(
    "vacuum analyze",
    `vacuum analyze auth.users, public.imo_members, public.contacts,
    public.conversations, public.messages`,
  );
  // Every message is a non-HOT update of its conversation, so each conversations index takes an
  // entry per message. Written in one burst, a million of them pile up between two autovacuums;
  // in a real day autovacuum visits the 10,000-row table every ~2,000 updates and the indexes stay
  // near their live size. The planner prices an index by its pages: left bloated, it scans the
  // table instead. A reindex gives the day's state, and both sizes are printed.
  const pages = () =>
    sql<{ relname: string; pages: number }[]>`
      select c.relname, pg_relation_size(c.oid) / 8192 as pages from pg_class c
      where c.oid = 'public.conversations'::regclass
         or c.oid in (select indexrelid from pg_index where indrelid = 'public.conversations'::regclass)
      order by c.relkind desc, c.relname`;
  const line = (rows: { relname: string; pages: number }[]) =>
    rows.map((r) => `${r.relname.replace(/^conversations_/, "")}=${r.pages}`).join(" ");
  console.log(`  conversations pages after the burst (heap, then indexes): ${line(await pages())}`);
  await step(
    "reindex conversations (autovacuum's steady state)",
    `reindex table public.conversations`,
  );
  await step("analyze conversations", `analyze public.conversations`);
  console.log(`  conversations pages after reindex: ${line(await pages())}`);
  await settleReplication(sql);
  console.log(`Data generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const [counts] = await sql`
    select
      (select count(*) from public.imos)::int as imos,
      (select count(*) from public.contacts)::int as contacts,
      (select count(*) from public.conversations)::int as conversations,
      (select count(*) from public.conversations where imo_id = ${A.imo})::int as conversations_a,
      (select count(*) from public.conversations where unread_count > 0 and imo_id = ${A.imo})::int
        as unread_a,
      (select count(*) from public.conversations where is_priority and imo_id = ${A.imo})::int
        as priority_a,
      (select count(*) from public.messages)::int as messages,
      (select count(*) from public.messages where imo_id = ${A.imo})::int as messages_a,
      (select count(*) from public.conversations c where c.last_message_at is distinct from
        (select max(m.sent_at) from public.messages m where m.conversation_id = c.id))::int
        as trigger_mismatches`;
  console.log("Row counts:", { ...counts });
}

/**
 * Realtime's logical-decoding slot reads every change of the load (two million of them at 1M
 * messages) before it reaches the next broadcast: for a minute or more after the load, the
 * walsender takes a core. Measured reads wait until it has caught up, as they would in a real
 * day where history did not arrive in one burst.
 */
async function settleReplication(sql: postgres.Sql) {
  const t0 = performance.now();
  for (;;) {
    const [row] = await sql<{ behind: number | null }[]>`
      select max(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn))::float8 as behind
      from pg_replication_slots where slot_type = 'logical' and active`;
    if (!row?.behind || row.behind < 1024 * 1024) break;
    if (performance.now() - t0 > 300_000) {
      console.log(`  replication slot still ${Math.round(row.behind / 1048576)} MiB behind`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  console.log(
    `  replication slot caught up in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
