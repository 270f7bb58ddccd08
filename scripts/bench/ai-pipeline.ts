/**
 * Inbound messages analysed and stored per second by the AI pipeline (ai-process-messages' drain:
 * claim, offline analysis, one transaction per batch for the analyses, categories and
 * qualification moves), against a throwaway platform. Stores `--messages` inbound DMs (the
 * training and held-out sets' texts, each conversation keeping to one intent's) across `--conversations` conversations with the AI off, as
 * most are; the trigger queues one job each. The every-minute cron and the webhook's kicks are
 * out of the way (the cron paused, no webhook), so only the measured drain runs.
 *
 * Prints messages analysed per second through the pipeline beside the ceiling measured in the
 * same run: the offline provider alone on the same texts in this process. The difference is the
 * database. With the load average (the lead reruns it on an idle machine).
 *
 *   node_modules/.bin/deno run -A scripts/bench/ai-pipeline.ts [--messages 2000] [--conversations 100]
 *
 * Goal (issue 13): at least 200 messages a second, so analysis never lags ingestion. Exits 1 under.
 */
import postgres from "postgres";
import { createTenant } from "../testing/tenants.ts";
import { analyzeOffline } from "../../supabase/functions/_shared/ai/offline/offline-provider.ts";
import { startThrowawayPlatform } from "./throwaway-platform.ts";

const args = new Map<string, string>();
for (let i = 0; i < Deno.args.length; i += 2) args.set(Deno.args[i]!, Deno.args[i + 1] ?? "");
const MESSAGES = Number(args.get("--messages") ?? 2000);
const CONVERSATIONS = Number(args.get("--conversations") ?? 100);
const GOAL = 200;
const root = new URL("../../", import.meta.url).pathname;
// texts grouped by intent: a conversation keeps to one kind of contact (a candidate asks
// candidates' questions), so its category settles as in real inboxes rather than flipping
const byIntent = new Map<string, string[]>();
for (const file of ["intent-training.jsonl", "held-out.jsonl"]) {
  for (const line of Deno.readTextFileSync(`${root}scripts/ai/data/${file}`).split("\n")) {
    if (!line.trim()) continue;
    const { text, intent } = JSON.parse(line) as { text: string; intent: string };
    byIntent.set(intent, [...(byIntent.get(intent) ?? []), text]);
  }
}
const groups = [...byIntent.values()];
/** The i-th message: its conversation's kind of contact, the next of their texts. */
const pick = (i: number) => {
  const group = groups[(i % CONVERSATIONS) % groups.length]!;
  return group[Math.floor(i / CONVERSATIONS) % group.length]!;
};
const load = () => Deno.readTextFileSync("/proc/loadavg").split(" ").slice(0, 3).join(" ");

const platform = await startThrowawayPlatform();
for (const [name, value] of Object.entries(platform.env)) Deno.env.set(name, value);
const sql = postgres(platform.databaseUrl, { max: 4, onnotice: () => {} });
try {
  await sql`update cron.job set active = false where jobname = 'ai-process-messages'`;
  const tenant = await createTenant(sql, "ai-bench");
  const conversations = await sql<{ id: string }[]>`
    with k as (
      insert into public.contacts (imo_id, channel_account_id, external_id)
      select ${tenant.imoId}, ${tenant.channelAccountId}, 'bench-' || g from generate_series(1, ${CONVERSATIONS}) g
      returning id)
    insert into public.conversations (imo_id, channel_account_id, contact_id)
    select ${tenant.imoId}, ${tenant.channelAccountId}, k.id from k returning id`;
  const rows = Array.from({ length: MESSAGES }, (_, i) => ({
    conversation_id: conversations[i % conversations.length]!.id,
    text: pick(i),
    external_id: `bench.${i}`,
    at: new Date(Date.now() - (MESSAGES - i) * 1000).toISOString(),
  }));
  await sql`
    insert into public.messages (imo_id, channel_account_id, conversation_id, external_id,
      direction, author_kind, type, text, status, sent_at)
    select ${tenant.imoId}, ${tenant.channelAccountId}, r.conversation_id, r.external_id, 'inbound',
      'contact', 'text', r.text, 'sent', r.at
    from jsonb_to_recordset(${
    sql.json(rows)
  }) as r (conversation_id uuid, text text, external_id text, at timestamptz)`;
  const [queued] = await sql<
    { n: number }[]
  >`select count(*)::int as n from public.ai_analysis_jobs
    where imo_id = ${tenant.imoId} and attempts < 5`;

  const { drainAnalysisJobs } = await import(
    "../../supabase/functions/_shared/ai/process-handler.ts"
  );
  const loadBefore = load();
  const started = performance.now();
  const outcome = await drainAnalysisJobs({ budgetMs: 600_000 });
  const seconds = (performance.now() - started) / 1000;
  const [left] = await sql<
    { n: number }[]
  >`select count(*)::int as n from public.ai_analysis_jobs
    where imo_id = ${tenant.imoId} and attempts < 5`;

  const context = { at: new Date(), timeZone: "America/New_York" };
  const ceilingStarted = performance.now();
  for (const row of rows) analyzeOffline(row.text, context);
  const ceiling = rows.length / ((performance.now() - ceilingStarted) / 1000);
  const rate = outcome.analysed / seconds;

  console.log(`queued: ${queued!.n} inbound messages in ${CONVERSATIONS} conversations (AI off)`);
  console.log(
    `drained: ${outcome.analysed} analysed, ${outcome.failed} failed, ${left!.n} left, in ${
      seconds.toFixed(1)
    } s`,
  );
  console.log(
    `pipeline: ${
      rate.toFixed(0)
    } messages/s (goal ≥ ${GOAL}/s); offline provider alone (ceiling): ` +
      `${ceiling.toFixed(0)} messages/s; pipeline = ${
        (rate / ceiling * 100).toFixed(0)
      } % of the ceiling`,
  );
  console.log(`load average before / after: ${loadBefore} / ${load()} (2 cores)`);
  if (rate < GOAL || left!.n > 0 || outcome.failed > 0) {
    console.log("UNDER THE GOAL");
    Deno.exitCode = 1;
  }
} finally {
  await sql.end();
  await platform.stop();
}
