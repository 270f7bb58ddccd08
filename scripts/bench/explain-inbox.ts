/**
 * Inbox query plans at scale. Starts a throwaway Postgres, applies the migrations (no seed),
 * generates one IMO with a channel account, 10,000 contacts and conversations and 200,000 messages
 * (through the messages trigger, as ingestion would), plus a second IMO so that RLS has rows to
 * hide, then prints `explain (analyze, buffers)` for the inbox, filter, thread and search queries
 * as a member would run them (role authenticated, JWT claims set, RLS on).
 *
 * Each plan ends with a one-line verdict: the indexes it used and the execution time. Exits 1 when
 * a required plan scans conversations or messages sequentially.
 *
 *   node_modules/.bin/deno run -A scripts/bench/explain-inbox.ts
 */
import postgres from "postgres";
import { migrate } from "../platform/migrate.ts";
import { startPostgres } from "../platform/postgres.ts";

const CONVERSATIONS = 10_000;
// conversations of the big IMO that never got a message (sorted last: `nulls last`)
const WITHOUT_MESSAGES = 100;
const MESSAGES = 200_000;
const OTHER_CONVERSATIONS = 1_000;
const OTHER_MESSAGES = 20_000;
// messages per statement, and sessions inserting at once (each owns the conversations c % n = i)
const CHUNK = 10_000;
const PARALLEL = Math.max(2, Math.min(8, navigator.hardwareConcurrency || 2));

const A = {
  prefix: "a",
  imo: "a1000000-0000-4000-8000-000000000001",
  account: "b1000000-0000-4000-8000-000000000001",
  user: "d1000000-0000-4000-8000-000000000001",
};
const B = {
  prefix: "b",
  imo: "a1000000-0000-4000-8000-000000000002",
  account: "b1000000-0000-4000-8000-000000000002",
  user: "d1000000-0000-4000-8000-000000000002",
};
type Tenant = typeof A;

/** Search as two index lookups (contact names, previews) instead of one OR across a join. */
const searchUnion =
  `select c.id, c.last_message_at, c.last_message_preview, ct.username, ct.display_name
  from public.conversations c join public.contacts ct on ct.id = c.contact_id
  where c.imo_id = $1 and c.id in (
    select c2.id from public.contacts ct2 join public.conversations c2 on c2.contact_id = ct2.id
    where ct2.imo_id = $1 and (ct2.username ilike $2 or ct2.display_name ilike $2)
    union
    select c3.id from public.conversations c3 where c3.imo_id = $1 and c3.last_message_preview ilike $2
  )
  order by c.last_message_at desc nulls last, c.id desc limit 50`;

/** The query inside private.search_conversations (migration create_conversations), verbatim. */
const definerSearch = `select hit.id, hit.last_message_at from (
    select c.id, c.last_message_at from public.conversations c
    where c.imo_id = $1 and c.last_message_preview ilike $2
    union
    select c.id, c.last_message_at from public.contacts k
    join public.conversations c on c.contact_id = k.id
    where k.imo_id = $1 and (k.username ilike $2 or k.display_name ilike $2)
  ) hit
  order by hit.last_message_at desc nulls last, hit.id desc
  limit 50`;

const dir = await Deno.makeTempDir({ prefix: "dmdesk-bench-" });
await Deno.chmod(dir, 0o755);
const pg = await startPostgres({
  dataDir: `${dir}/pg`,
  persistent: false,
  logFile: `${dir}/pg.log`,
});
let failed = false;
try {
  await migrate(pg.url, { seed: false });
  // one connection per session that generates messages (each owns a disjoint set of conversations)
  const sql = postgres(pg.url, { max: PARALLEL, onnotice: () => {} });
  try {
    await generate(sql);
    failed = await explainAll(sql);
  } finally {
    await sql.end();
  }
} finally {
  await pg.stop();
  await Deno.remove(dir, { recursive: true }).catch(() => {});
}
Deno.exit(failed ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// data

async function generate(sql: postgres.Sql) {
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

  console.log("Generating data (messages trigger on)...");
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
     select md5($1 || '-contact-' || g)::uuid, $2, $3, (9700000000000000 + g)::text,
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
     select md5($1 || '-conv-' || g)::uuid, $2, $3, md5($1 || '-contact-' || g)::uuid,
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
     select $2, $3, md5($1 || '-conv-' || x.c)::uuid, 'aWdfZAG1bench' || $1 || x.g,
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

  await step(...people(A, CONVERSATIONS));
  await step(...people(B, OTHER_CONVERSATIONS));
  await step(...threads(A, CONVERSATIONS));
  await step(...threads(B, OTHER_CONVERSATIONS));
  const active = CONVERSATIONS - WITHOUT_MESSAGES;
  const t0 = performance.now();
  await messageChunks(A, active, MESSAGES, 2);
  await messageChunks(B, OTHER_CONVERSATIONS, OTHER_MESSAGES, 2);
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `  messages: ${MESSAGES + OTHER_MESSAGES} in ${seconds.toFixed(1)} s ` +
      `(${Math.round((MESSAGES + OTHER_MESSAGES) / seconds)}/s through the trigger)`,
  );
  // the trigger counts every inbound message as unread; most threads have been read since
  await step(
    "mark ~90 % of conversations read",
    `update public.conversations set unread_count = 0, last_read_at = last_message_at
     where unread_count > 0 and abs(hashtext(id::text)) % 10 <> 0`,
  );
  await step(
    "vacuum analyze",
    `vacuum analyze auth.users, public.imo_members, public.contacts,
    public.conversations, public.messages`,
  );
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
  // every message is a non-HOT update of its conversation, so each conversations index takes an
  // entry per message: sizes after vacuum show what that costs
  const sizes = await sql`
    select c.relname, pg_relation_size(c.oid) / 8192 as pages from pg_class c
    where c.oid = 'public.conversations'::regclass
       or c.oid in (select indexrelid from pg_index where indrelid = 'public.conversations'::regclass)
    order by c.relkind desc, c.relname`;
  console.log(
    "conversations pages (heap, then indexes):",
    sizes.map((r) => `${r.relname}=${r.pages}`).join(" "),
  );
}

// ---------------------------------------------------------------------------------------------
// plans

interface Check {
  key: string;
  title: string;
  text: string;
  params: (string | number)[];
  /** a failing required check (seq scan on conversations/messages) makes the script exit 1 */
  required: boolean;
  /** run without RLS, as service_role, for comparison */
  asService?: boolean;
}

async function explainAll(sql: postgres.Sql): Promise<boolean> {
  const claims = JSON.stringify({ sub: A.user, role: "authenticated", aud: "authenticated" });
  const [cursor1, cursorDeep] = await sql<{ at: string; id: string }[]>`
    select at, id from (
      select last_message_at::text as at, id::text as id,
        row_number() over (order by last_message_at desc nulls last, id desc) as n
      from public.conversations where channel_account_id = ${A.account}
    ) x where n in (50, 5000) order by n`;
  const [thread] = await sql<{ id: string; messages: number }[]>`
    select conversation_id::text as id, count(*)::int as messages from public.messages
    where imo_id = ${A.imo} group by conversation_id order by count(*) desc limit 1`;
  const [threadCursor] = await sql<{ at: string; id: string }[]>`
    select sent_at::text as at, id::text as id from public.messages
    where conversation_id = ${thread!.id} order by sent_at desc, id desc offset 49 limit 1`;
  console.log(
    `\nCursors: page 2 after (${cursor1!.at}, ${cursor1!.id}); deep page after row 5000; ` +
      `thread ${thread!.id} has ${thread!.messages} messages.`,
  );

  // postgres.js serialises a timestamptz parameter through a JS Date (milliseconds): a cursor
  // taken from last_message_at (microseconds) must travel as text, hence `$2::text::timestamptz`
  const [precision] = await sql.unsafe(
    `select $1::timestamptz::text as as_timestamptz, $2::text::timestamptz::text as as_text`,
    [cursor1!.at, cursor1!.at],
  );
  console.log(
    `Cursor precision: ${cursor1!.at} sent as timestamptz arrives as ${
      precision!.as_timestamptz
    }, ` +
      `as text as ${precision!.as_text}.`,
  );
  const [keyset] = await sql.unsafe(
    `with k as (
       select id from public.conversations
       where channel_account_id = $1 and (last_message_at, id) < ($2::text::timestamptz, $3::uuid)
       order by last_message_at desc nulls last, id desc limit 50
     ), o as (
       select id from public.conversations where channel_account_id = $1
       order by last_message_at desc nulls last, id desc offset 50 limit 50
     )
     select (select array_agg(id order by id) from k) = (select array_agg(id order by id) from o)
       as same`,
    [A.account, cursor1!.at, cursor1!.id],
  );
  console.log(`Keyset page 2 equals offset 50 page 2: ${keyset!.same}.`);

  const leak = await sql`
    select p.proname, p.proleakproof from pg_catalog.pg_proc p
    where p.proname in ('uuid_eq', 'uuid_lt', 'timestamptz_lt', 'timestamptz_eq', 'int4gt',
                        'texticlike', 'textlike')
    order by p.proname`;
  console.log(
    "Leakproof (RLS lets only these become index conditions):",
    leak.map((r) => `${r.proname}=${r.proleakproof}`).join(" "),
  );

  const list = `id, contact_id, last_message_at, last_message_preview, last_message_direction,
    unread_count, is_priority, assigned_to, can_reply_until`;
  const order = "order by last_message_at desc nulls last, id desc limit 50";
  const search = "%gonz%";
  // a search for one person, as a recruiter types it: selective, unlike the 2.5% that match "gonz"
  const [person] = await sql<{ username: string }[]>`
    select username from public.contacts where imo_id = ${A.imo} and username ilike '%gonz%' limit 1`;
  const personSearch = `%${person!.username}%`;
  const checks: Check[] = [
    {
      key: "a",
      title: "inbox first page (per channel account)",
      text: `select ${list} from public.conversations where channel_account_id = $1 ${order}`,
      params: [A.account],
      required: true,
    },
    {
      key: "a+",
      title: "inbox first page with the contact's name (join)",
      text: `select c.id, c.last_message_at, c.last_message_preview, c.unread_count, ct.username,
          ct.display_name, ct.profile_picture_url
        from public.conversations c join public.contacts ct on ct.id = c.contact_id
        where c.channel_account_id = $1
        order by c.last_message_at desc nulls last, c.id desc limit 50`,
      params: [A.account],
      required: true,
    },
    {
      key: "b",
      title: "next page, keyset as row comparison",
      text: `select ${list} from public.conversations
        where channel_account_id = $1 and (last_message_at, id) < ($2::text::timestamptz, $3::uuid)
        ${order}`,
      params: [A.account, cursor1!.at, cursor1!.id],
      required: true,
    },
    {
      key: "b-or",
      title: "next page, keyset as a < x or (a = x and id < y)",
      text: `select ${list} from public.conversations
        where channel_account_id = $1
          and (last_message_at < $2::text::timestamptz or (last_message_at = $2::text::timestamptz and id < $3::uuid))
        ${order}`,
      params: [A.account, cursor1!.at, cursor1!.id],
      required: true,
    },
    {
      key: "b-deep",
      title: "page after row 5000, row comparison",
      text: `select ${list} from public.conversations
        where channel_account_id = $1 and (last_message_at, id) < ($2::text::timestamptz, $3::uuid)
        ${order}`,
      params: [A.account, cursorDeep!.at, cursorDeep!.id],
      required: true,
    },
    {
      key: "b-deep-or",
      title: "page after row 5000, a < x or (a = x and id < y)",
      text: `select ${list} from public.conversations
        where channel_account_id = $1
          and (last_message_at < $2::text::timestamptz or (last_message_at = $2::text::timestamptz and id < $3::uuid))
        ${order}`,
      params: [A.account, cursorDeep!.at, cursorDeep!.id],
      required: true,
    },
    {
      key: "b-deep-and",
      title: "page after row 5000, a <= x and (a < x or id < y)",
      text: `select ${list} from public.conversations
        where channel_account_id = $1 and last_message_at <= $2::text::timestamptz
          and (last_message_at < $2::text::timestamptz or id < $3::uuid)
        ${order}`,
      params: [A.account, cursorDeep!.at, cursorDeep!.id],
      required: true,
    },
    {
      key: "b-null",
      title: "the tail without messages (last_message_at is null), keyset on id",
      text: `select ${list} from public.conversations
        where channel_account_id = $1 and last_message_at is null and id < $2::uuid
        ${order}`,
      params: [A.account, "ffffffff-ffff-4fff-bfff-ffffffffffff"],
      required: true,
    },
    {
      key: "c",
      title: "unread filter (per IMO)",
      text:
        `select ${list} from public.conversations where imo_id = $1 and unread_count > 0 ${order}`,
      params: [A.imo],
      required: true,
    },
    {
      key: "d",
      title: "priority filter (per IMO)",
      text: `select ${list} from public.conversations where imo_id = $1 and is_priority ${order}`,
      params: [A.imo],
      required: true,
    },
    {
      key: "g",
      title: "unread badge count (per IMO; RLS policy runs once per unread row)",
      text: `select count(*) from public.conversations where imo_id = $1 and unread_count > 0`,
      params: [A.imo],
      required: false,
    },
    {
      key: "e",
      title: `message page (thread of ${thread!.messages} messages)`,
      text: `select id, direction, author_kind, type, text, attachments, status, sent_at
        from public.messages where conversation_id = $1 order by sent_at desc, id desc limit 50`,
      params: [thread!.id],
      required: true,
    },
    {
      key: "e-next",
      title: "message next page (keyset)",
      text: `select id, direction, author_kind, type, text, attachments, status, sent_at
        from public.messages
        where conversation_id = $1 and (sent_at, id) < ($2::text::timestamptz, $3::uuid)
        order by sent_at desc, id desc limit 50`,
      params: [thread!.id, threadCursor!.at, threadCursor!.id],
      required: true,
    },
    {
      key: "f",
      title: `search 'gonz' as a member: private.search_conversations, then rows under RLS by id`,
      text: `select c.id, c.last_message_at, c.last_message_preview
        from public.conversations c
        where c.id = any(array(select conversation_id from private.search_conversations($1, $2)))
        order by c.last_message_at desc nulls last, c.id desc`,
      params: [A.imo, "gonz"],
      required: true,
    },
    {
      key: "f-definer",
      title: `search '${personSearch}': the union search_conversations runs (as its owner, no RLS)`,
      text: definerSearch,
      params: [A.imo, personSearch],
      required: true,
      asService: true,
    },
    {
      key: "f-definer-broad",
      title:
        `search '${search}' (2.5% of contacts match: a hash join over conversations is cheaper)`,
      text: definerSearch,
      params: [A.imo, search],
      required: false,
      asService: true,
    },
    {
      key: "f-rls",
      title:
        `search '${search}' straight under RLS (why the definer function exists: ilike is not leakproof)`,
      text: searchUnion,
      params: [A.imo, search],
      required: false,
    },
  ];

  const verdicts: string[] = [];
  let failed = false;
  for (const check of checks) {
    const plan = await sql.begin(async (tx) => {
      if (check.asService) {
        await tx.unsafe(`set local role service_role`);
      } else {
        await tx.unsafe(`set local role authenticated`);
        await tx.unsafe(`select set_config('request.jwt.claims', $1, true)`, [claims]);
      }
      await tx.unsafe(`set local jit = off`);
      const rows = await tx.unsafe(check.text, check.params); // warms the cache
      const explained = await tx.unsafe(
        `explain (analyze, buffers) ${check.text}`,
        check.params,
      );
      return { rows: rows.length, lines: explained.map((r) => String(r["QUERY PLAN"])) };
    });
    const text = plan.lines.join("\n");
    const indexes = [
      ...new Set(
        [...text.matchAll(
          /(?:Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using |on )(\w+)/g,
        )]
          .map((m) => m[1]),
      ),
    ];
    const seq = [...new Set([...text.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]))];
    const removed = [...text.matchAll(/Rows Removed by (?:Filter|Index Recheck): (\d+)/g)]
      .reduce((sum, m) => sum + Number(m[1]), 0);
    const time = /Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? "?";
    const bad = seq.filter((t) => t === "conversations" || t === "messages");
    const status = bad.length === 0 ? "OK  " : check.required ? "FAIL" : "INFO";
    if (bad.length > 0 && check.required) failed = true;
    const verdict =
      `${status} (${check.key}) ${check.title}: ${
        indexes.length ? `index ${indexes.join(", ")}` : "no index"
      }${seq.length ? `; seq scan on ${seq.join(", ")}` : ""}; ${plan.rows} rows, ` +
      `${removed} rows removed by filter; ${time} ms`;
    console.log(`\n=== (${check.key}) ${check.title}${check.asService ? " [service_role]" : ""}`);
    console.log(check.text.replace(/\s+/g, " ").trim());
    console.log(text);
    console.log(`--> ${verdict}`);
    verdicts.push(verdict);
  }

  console.log("\nSummary");
  for (const verdict of verdicts) console.log(`  ${verdict}`);
  console.log(failed ? "\nFAILED: a required plan scans conversations or messages." : "\nAll OK.");
  return failed;
}
