/**
 * Scheduled messages sent per second under the rate governor. Starts a throwaway platform (the
 * Meta sandbox included), connects one Instagram account with `--conversations` leads who wrote
 * (through the sandbox and the webhook, so both sides know the window), queues `--messages` due
 * scheduled messages across them, then starts `--passes` runs of instagram-process-scheduled at
 * once (HTTP, with the service role key, as pg_cron and on-demand callers do) and times them
 * until every message is sent (a pass that ends on its time budget while messages are due is
 * followed by another, as the next minute's run would). The every-minute job is paused on this throwaway platform, so
 * only the measured passes (and the webhook's own passes, which the echoes start) send.
 *
 * Prints due messages processed per second beside the governor's allowed rate for the account
 * (private.graph_call_limits, send_text), the ratio, the double sends the sandbox counted (texts
 * it accepted more than once), and the CPU each process spent per message: the gateway (the
 * function and the webhook ingesting every send's echo), Postgres, and this process (the Meta
 * sandbox, which answers the sends and signs the echoes). With everything on one machine, the
 * cores divided by that CPU is the most the machine could send. Goal: at least 90 % of the
 * allowed rate, no double send.
 *
 *   node_modules/.bin/deno run -A scripts/bench/scheduled-throughput.ts \
 *     [--messages 2000] [--conversations 40] [--passes 3] [--limit 100] [--statements 20] \
 *     [--echoes off]
 *
 * `--limit` sets the governor's send_text calls per second on this throwaway platform (Meta's is
 * 100): below the machine's ceiling, it shows whether the passes keep the governor's pace.
 * `--statements N` loads pg_stat_statements (as hosted Supabase has it) and lists the N statements
 * that took Postgres the most time, with their calls and time per message, nested ones (in
 * triggers and functions) included. `--echoes off` stops the sandbox's webhooks once the leads
 * have written, so the numbers are the send path's alone, without the echo of every send.
 *
 * Exits 1 below 90 % or on any double send.
 */
import postgres from "postgres";
import { cpuByPid } from "./process-tree.ts";
import { startThrowawayPlatform } from "./throwaway-platform.ts";
import { printStatements } from "./top-statements.ts";

const args = new Map<string, string>();
for (let i = 0; i < Deno.args.length; i += 2) args.set(Deno.args[i]!, Deno.args[i + 1] ?? "");
const MESSAGES = Number(args.get("--messages") ?? 2000);
const CONVERSATIONS = Number(args.get("--conversations") ?? 40);
const PASSES = Number(args.get("--passes") ?? 3);
const LIMIT = args.has("--limit") ? Number(args.get("--limit")) : null;
const STATEMENTS = Number(args.get("--statements") ?? 0);
const ECHOES = args.get("--echoes") !== "off";
const GOAL = 0.9;

const platform = await startThrowawayPlatform({
  postgresSettings: STATEMENTS
    ? ["shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all"]
    : undefined,
});
// the test helpers find the platform through the environment, as under `npm test`
for (const [name, value] of Object.entries(platform.env)) Deno.env.set(name, value);
const { createWorkspace } = await import("../testing/workspace.ts");
const { leadWrites, sandboxThread, sentFrom } = await import("../testing/send-fixture.ts");
const { eventually } = await import("../testing/eventually.ts");
const { sandbox } = await import("../testing/meta-sandbox-client.ts");

const sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
let failed = false;
try {
  await sql`update cron.job set active = false where jobname = 'instagram-process-scheduled'`;
  if (LIMIT) {
    await sql`update private.graph_call_limits set calls_per_second = ${LIMIT}
      where call_kind = 'send_text'`;
  }
  const workspace = await createWorkspace({ plan: "team", label: "bench" });
  console.log(`connecting an account and ${CONVERSATIONS} leads who wrote…`);
  const first = await sandboxThread(workspace, { minutesAgo: 10 });
  const conversationIds = [first.conversationId];
  while (conversationIds.length < CONVERSATIONS) {
    conversationIds.push((await leadWrites(workspace, first.account, 10)).conversationId);
  }
  if (!ECHOES) await sandbox("webhook-target", { url: null });
  const [limit] = await sql<{ calls_per_second: number }[]>`
    select calls_per_second from private.graph_call_limits where call_kind = 'send_text'`;
  const allowed = limit!.calls_per_second;

  await sql`
    insert into public.scheduled_messages (imo_id, channel_account_id, conversation_id,
      created_by, text, scheduled_for)
    select ${workspace.imoId}, ${first.account.accountId},
      (${conversationIds}::uuid[])[1 + n % ${conversationIds.length}], ${workspace.userId},
      'Bench message #' || n, now() - interval '1 minute'
    from generate_series(1, ${MESSAGES}) as n`;
  console.log(`${MESSAGES} due messages queued; ${PASSES} passes at once…`);

  if (STATEMENTS) {
    await sql`create extension if not exists pg_stat_statements`;
    await sql`select pg_stat_statements_reset()`;
  }
  const transactionsBefore = await transactions();
  const cpuBefore = cpuByKind();
  const started = performance.now();
  // a pass stops claiming after its time budget, as each minute's run does: one that ends while
  // messages are still due is followed by another, as the next minute's run would
  const left = async () => {
    const [row] = await sql<{ left: number }[]>`
      select count(*)::int as left from public.scheduled_messages
      where conversation_id = any(${conversationIds}::uuid[]) and status = 'pending'`;
    return row!.left;
  };
  const outcomes: { sent: number; claimed: number }[] = [];
  const pass = async (): Promise<void> => {
    const response = await fetch(`${platform.url}/functions/v1/instagram-process-scheduled`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${platform.serviceRoleKey}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ conversation_ids: conversationIds }),
    });
    if (!response.ok) {
      throw new Error(`a pass answered ${response.status}: ${await response.text()}`);
    }
    const outcome = await response.json();
    outcomes.push(outcome);
    if (await left() === 0) return;
    // what is left is another pass's to finish, or its lease must run out first
    if (outcome.claimed === 0) await new Promise((resolve) => setTimeout(resolve, 1000));
    return pass();
  };
  let passFailed: unknown;
  const passes = Promise.all(Array.from({ length: PASSES }, pass)).catch((error) => {
    passFailed = error;
  });
  await eventually(
    async () => {
      if (passFailed) throw passFailed;
      return await left() === 0;
    },
    "every message sent",
    MESSAGES * 1000,
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuByKind();
  const transactionsAfter = await transactions();
  await passes;
  // the webhook stores each echo at once and applies it after its answer: what it has not applied
  // yet is work the run leaves behind, timed until it is done
  const unapplied = async () => {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from public.webhook_events
      where status in ('received', 'processing', 'failed')`;
    return row!.n;
  };
  const echoesLeft = await unapplied();
  await eventually(async () => await unapplied() === 0, "every echo applied", MESSAGES * 1000);
  const echoSeconds = (performance.now() - started) / 1000;

  const accepted = (await sentFrom(first.account))
    .filter((call) => call.outcome.ok)
    .map((call) => call.body.message?.text ?? "");
  const counts = new Map<string, number>();
  for (const text of accepted) counts.set(text, (counts.get(text) ?? 0) + 1);
  const doubles = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
  const [states] = await sql<{ sent: number; other: number }[]>`
    select count(*) filter (where status = 'sent')::int as sent,
      count(*) filter (where status <> 'sent')::int as other
    from public.scheduled_messages where conversation_id = any(${conversationIds}::uuid[])`;

  const rate = MESSAGES / seconds;
  console.log(`\n${MESSAGES} due messages, ${CONVERSATIONS} conversations, one account`);
  console.log(
    `  passes: ${PASSES} at once, ${outcomes.length} in all; each sent ${
      outcomes.map((o) => o.sent).join(", ")
    }`,
  );
  console.log(`  rows sent: ${states!.sent}, in another state: ${states!.other}`);
  console.log(`  Send API calls accepted: ${accepted.length}; double sends: ${doubles}`);
  console.log(`  wall time: ${seconds.toFixed(1)} s`);
  if (ECHOES) {
    console.log(
      `  echoes the webhook had still to apply then: ${echoesLeft}; all applied after ${
        echoSeconds.toFixed(1)
      } s`,
    );
  }
  console.log(`  processed: ${rate.toFixed(1)} messages/s`);
  console.log(`  governor allows: ${allowed} messages/s for the account (send_text)`);
  console.log(`  ratio: ${(100 * rate / allowed).toFixed(1)} % (goal ≥ ${GOAL * 100} %)`);
  let cpuTotal = 0;
  const perMessage = [...cpuAfter].map(([kind, cpu]) => {
    const ms = (cpu - (cpuBefore.get(kind) ?? 0)) * 1000 / MESSAGES;
    cpuTotal += ms;
    return `${kind} ${ms.toFixed(1)} ms`;
  });
  const cores = navigator.hardwareConcurrency;
  console.log(`  CPU per message: ${perMessage.join(", ")}; ${cpuTotal.toFixed(1)} ms in all`);
  console.log(
    `  this machine's ceiling: ${cores} cores ÷ ${cpuTotal.toFixed(1)} ms = ${
      (cores * 1000 / cpuTotal).toFixed(0)
    } messages/s; load average ${Deno.loadavg()[0]!.toFixed(1)} (other work shares the cores)`,
  );
  console.log(
    `  transactions per message: ${
      ((transactionsAfter - transactionsBefore) / MESSAGES).toFixed(1)
    } (the whole database, the webhook's included)`,
  );
  if (STATEMENTS) await printStatements(sql, STATEMENTS, MESSAGES, "message");
  failed = rate < GOAL * allowed || doubles > 0 || states!.other > 0;
  console.log(failed ? "\nFAIL" : "\nok");
  await workspace.sql.end();
} finally {
  await sql.end();
  await platform.stop();
}
Deno.exit(failed ? 1 : 0);

/** Transactions committed or rolled back so far in the database. */
async function transactions() {
  const [row] = await sql<{ n: number }[]>`
    select (xact_commit + xact_rollback)::int as n from pg_stat_database
    where datname = current_database()`;
  return row!.n;
}

/** CPU seconds so far of this bench's processes, by kind (gateway, postgres, this process). */
function cpuByKind() {
  const kinds = new Map<string, number>();
  for (const { name, cpu } of cpuByPid().values()) {
    const kind = name === "bench (client)" ? "bench + Meta sandbox" : name;
    kinds.set(kind, (kinds.get(kind) ?? 0) + cpu);
  }
  return kinds;
}
