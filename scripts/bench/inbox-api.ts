/**
 * The inbox API at scale: p50/p95/p99 of the inbox page, a filtered page, search and the message
 * page through the functions (HTTP, JWT, gateway, function, RLS), beside the same query run bare
 * in the same run (in-process, one `withUser` transaction, no HTTP). Starts a throwaway platform
 * and generates one IMO with 10,000 conversations and 1,000,000 messages (through the messages
 * trigger) plus a second IMO. Goal: p95 under 30 ms and at most 5× the bare query. Exits 1 when a
 * goal is missed.
 *
 *   node_modules/.bin/deno run -A scripts/bench/inbox-api.ts [--messages 1000000] [--runs 200]
 */
import postgres from "postgres";
import {
  benchArgs,
  generateBenchInbox,
  signedInMember,
  timed,
  type Timing,
} from "./bench-member.ts";
import { A } from "./inbox-data.ts";
import { startThrowawayPlatform } from "./throwaway-platform.ts";

const args = benchArgs();
const MESSAGES = Number(args.get("--messages") ?? 1_000_000);
const RUNS = Number(args.get("--runs") ?? 200);
const P95_GOAL_MS = 30;
const RATIO_GOAL = 5;

const platform = await startThrowawayPlatform({ gatewayLog: true });
const sql = postgres(platform.databaseUrl, { max: 8, onnotice: () => {} });
let failed = false;
try {
  await generateBenchInbox(sql, MESSAGES);
  const member = await signedInMember(platform, sql);
  failed = await measureAll(member);
} finally {
  await sql.end();
  await platform.stop();
}
Deno.exit(failed ? 1 : 0);

async function measureAll(member: { token: string; userId: string }) {
  // the bare side runs the functions' own query code in this process, against the same database
  for (const [name, value] of Object.entries(platform.env)) Deno.env.set(name, value);
  Deno.env.set("SUPABASE_DB_URL", platform.databaseUrl);
  const { withUser } = await import("../../supabase/functions/_shared/db.ts");
  const { listConversations } = await import(
    "../../supabase/functions/_shared/inbox/conversation-list.ts"
  );
  const { listMessages } = await import("../../supabase/functions/_shared/inbox/message-list.ts");
  const claims = { sub: member.userId, role: "authenticated", aud: "authenticated" };

  const [busiest] = await sql<{ conversation_id: string }[]>`
    select conversation_id from public.messages where imo_id = ${A.imo}
    group by conversation_id order by count(*) desc limit 1`;
  const [{ count }] = await sql<{ count: number }[]>`
    select count(*)::int from public.messages where conversation_id = ${busiest!.conversation_id}`;
  console.log(`busiest thread: ${count} messages`);

  const base = { imoId: A.imo, platform: "instagram" as const, limit: 50 };
  const cases = [
    {
      name: "inbox page",
      path: `instagram-get-conversations?imo_id=${A.imo}&limit=50`,
      bare: () => withUser(claims, (tx) => listConversations(tx, base, new Date())),
    },
    {
      name: "unread + unassigned",
      path: `instagram-get-conversations?imo_id=${A.imo}&limit=50&unread=true&assignee=unassigned`,
      bare: () =>
        withUser(
          claims,
          (tx) =>
            listConversations(
              tx,
              { ...base, unreadOnly: true, assignee: "unassigned" },
              new Date(),
            ),
        ),
    },
    {
      name: "search 'gonz'",
      path: `instagram-get-conversations?imo_id=${A.imo}&limit=50&q=gonz`,
      bare: () =>
        withUser(claims, (tx) => listConversations(tx, { ...base, search: "gonz" }, new Date())),
    },
    {
      name: "message page (busiest thread)",
      path: `instagram-get-messages?conversation_id=${busiest!.conversation_id}&limit=50`,
      bare: () =>
        withUser(claims, (tx) => listMessages(tx, busiest!.conversation_id, undefined, 50)),
    },
  ];

  console.log(
    `\n${"operation".padEnd(32)} ${"function p50/p95/p99 ms".padStart(26)} ${
      "bare p50/p95/p99 ms".padStart(22)
    }  p95 ratio  verdict`,
  );
  let missed = false;
  for (const c of cases) {
    const http = await timed(async () => {
      const response = await fetch(`${platform.url}/functions/v1/${c.path}`, {
        headers: { apikey: platform.anonKey, authorization: `Bearer ${member.token}` },
      });
      if (response.status !== 200) {
        throw new Error(`${c.path}: ${response.status} ${await response.text()}`);
      }
      await response.arrayBuffer();
    }, RUNS);
    const bare = await timed(c.bare, RUNS);
    const ratio = http.p95 / bare.p95;
    const ok = http.p95 < P95_GOAL_MS && ratio <= RATIO_GOAL;
    missed ||= !ok;
    const triple = (t: Timing) => `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)} / ${t.p99.toFixed(1)}`;
    console.log(
      `${c.name.padEnd(32)} ${triple(http).padStart(26)} ${triple(bare).padStart(22)}  ${
        ratio.toFixed(1).padStart(8)
      }×  ${ok ? "ok" : `MISSED (goal p95 < ${P95_GOAL_MS} ms and ≤ ${RATIO_GOAL}×)`}`,
    );
  }
  return missed;
}
