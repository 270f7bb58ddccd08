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
import { A, generateInbox, PARALLEL } from "./inbox-data.ts";

const SIZE = {
  conversations: 10_000,
  withoutMessages: 100,
  messages: 200_000,
  otherConversations: 1_000,
  otherMessages: 20_000,
};

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

/**
 * The query inside private.search_conversations (migration search_conversations_ignoring_accents),
 * verbatim.
 */
const definerSearch = `select hit.id, hit.last_message_at from (
    select c.id, c.last_message_at from public.conversations c
    where c.imo_id = $1 and private.unaccented(c.last_message_preview) ilike $2
    union
    select c.id, c.last_message_at from public.contacts k
    join public.conversations c on c.contact_id = k.id
    where k.imo_id = $1
      and (private.unaccented(k.username) ilike $2 or private.unaccented(k.display_name) ilike $2)
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
    await generateInbox(sql, SIZE);
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
