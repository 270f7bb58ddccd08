import assert from "node:assert/strict";
import { commandCenterResponseSchema } from "../../../shared/src/contracts/insights.ts";
import { addChannelAccount } from "../../../scripts/testing/inbox-fixture.ts";
import { uniqueSuffix } from "../../../scripts/testing/tenants.ts";
import { callFunction, createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

type Kind = "in" | "out" | "failed" | "draft";
interface Thread {
  account: "x" | "y";
  kind?: "direct" | "public";
  category?: string;
  /** [minutes ago, kind, analysis?] */
  events: [number, Kind, { intent: string; sentiment: number }?][];
}

/** The generated data set: what each number below is computed from, by hand, in plain code. */
const THREADS: Thread[] = [
  {
    account: "x",
    category: "candidate",
    events: [
      [50 * 60, "in", { intent: "order", sentiment: 0.8 }],
      [49 * 60 + 50, "in"],
      [49 * 60, "out"],
    ],
  },
  {
    account: "x",
    category: "candidate",
    events: [
      [180, "in", { intent: "interested", sentiment: -0.5 }],
      [150, "out"],
      [60, "in", { intent: "order", sentiment: 0.1 }],
    ],
  },
  {
    account: "x",
    category: "customer_order",
    events: [
      [40 * 24 * 60, "in", { intent: "order", sentiment: 0.9 }],
      [10 * 24 * 60, "in", { intent: "other", sentiment: 0.3 }],
      [9 * 24 * 60, "failed"],
    ],
  },
  { account: "y", events: [[20, "in"], [10, "out"], [5, "draft"]] },
  {
    account: "y",
    kind: "public",
    category: "spam",
    events: [[30, "in", { intent: "order", sentiment: 0.9 }]],
  },
];

/** Hand computation: each number from its definition, over the list above. */
function expected(now: Date, threads: Thread[] = THREADS) {
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const ranges = { today, "7d": today - 6 * DAY, "30d": today - 29 * DAY };
  const at = (minutesAgo: number) => now.getTime() - minutesAgo * MIN;
  const inbound: { account: string; at: number; answered: boolean; wait: number | null }[] = [];
  for (const thread of threads.filter((t) => (t.kind ?? "direct") === "direct")) {
    // a turn is the contact's in the whole thread, so the 30 days are applied after it is known
    const events = thread.events.filter(([, k]) => k === "in" || k === "out")
      .sort((a, b) => b[0] - a[0]);
    events.forEach(([minutes, kind], index) => {
      if (kind !== "in" || at(minutes) < ranges["30d"]) return;
      const reply = events.slice(index + 1).find(([, k]) => k === "out");
      const opensTurn = index === 0 || events[index - 1]![1] !== "in";
      inbound.push({
        account: thread.account,
        at: at(minutes),
        answered: reply !== undefined,
        wait: opensTurn && reply ? (minutes - reply[0]) * 60 : null,
      });
    });
  }
  const median = (values: number[]) => {
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = (sorted.length - 1) / 2;
    return (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
  };
  const dmStats = (rows: typeof inbound) => ({
    received_today: rows.filter((r) => r.at >= ranges.today).length,
    received_7d: rows.filter((r) => r.at >= ranges["7d"]).length,
    received_30d: rows.length,
    answered_today: rows.filter((r) => r.answered && r.at >= ranges.today).length,
    answered_7d: rows.filter((r) => r.answered && r.at >= ranges["7d"]).length,
    answered_30d: rows.filter((r) => r.answered).length,
    median_first_response_seconds_7d: median(
      rows.filter((r) => r.wait !== null && r.at >= ranges["7d"]).map((r) => r.wait!),
    ),
    median_first_response_seconds_30d: median(
      rows.filter((r) => r.wait !== null).map((r) => r.wait!),
    ),
  });
  const analyses = threads.filter((t) => (t.kind ?? "direct") === "direct")
    .flatMap((t) =>
      t.events.filter(([, , a]) => a).map(([m, , a]) => ({ at: at(m) + 1000, ...a! }))
    )
    .filter((a) => a.at >= ranges["30d"]);
  const within = (range: keyof typeof ranges) => analyses.filter((a) => a.at >= ranges[range]);
  const sentiment = (range: "7d" | "30d") => {
    const rows = within(range);
    return {
      [`analysed_${range}`]: rows.length,
      [`positive_${range}`]: rows.filter((a) => a.sentiment >= 0.25).length,
      [`neutral_${range}`]: rows.filter((a) => a.sentiment > -0.25 && a.sentiment < 0.25).length,
      [`negative_${range}`]: rows.filter((a) => a.sentiment <= -0.25).length,
      [`average_sentiment_${range}`]: rows.length
        ? Math.round(rows.reduce((s, a) => s + a.sentiment, 0) / rows.length * 1000) / 1000
        : null,
    };
  };
  const orders = (range: keyof typeof ranges) =>
    within(range).filter((a) => a.intent === "order").length;
  return {
    total: dmStats(inbound),
    x: dmStats(inbound.filter((r) => r.account === "x")),
    y: dmStats(inbound.filter((r) => r.account === "y")),
    orders: { orders_today: orders("today"), orders_7d: orders("7d"), orders_30d: orders("30d") },
    sentiment: { ...sentiment("7d"), ...sentiment("30d") },
    ranges,
  };
}

Deno.test(
  "command center: every number matches the hand computation, and another IMO's member sees none",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", role: "recruiter", label: "command" });
    const stranger = await createWorkspace({ plan: "team", label: "command-stranger" });
    try {
      const now = new Date();
      const accounts = { x: await addChannelAccount(ws), y: await addChannelAccount(ws) };
      const conversations: string[] = [];
      // one transaction, and the AI's queue emptied in it: the analyses are the data set's own
      await ws.sql.begin(async (tx) => {
        for (const thread of THREADS) {
          const [contact] = await tx<{ id: string }[]>`
            insert into public.contacts (imo_id, channel_account_id, external_id, username)
            values (${ws.imoId}, ${accounts[thread.account]}, ${`igsid-${uniqueSuffix()}`}, 'cc')
            returning id`;
          const [conversation] = await tx<{ id: string }[]>`
            insert into public.conversations (imo_id, channel_account_id, contact_id, kind, ai_category)
            values (${ws.imoId}, ${accounts[thread.account]}, ${contact!.id},
              ${thread.kind ?? "direct"}, ${thread.category ?? null})
            returning id`;
          conversations.push(conversation!.id);
          for (const [minutes, kind, analysis] of thread.events) {
            const at = new Date(now.getTime() - minutes * MIN);
            const inbound = kind === "in";
            const status = inbound ? "delivered" : kind === "out" ? "sent" : kind;
            const [message] = await tx<{ id: string }[]>`
              insert into public.messages (imo_id, channel_account_id, conversation_id, external_id,
                direction, author_kind, author_user_id, text, status, sent_at)
              values (${ws.imoId}, ${accounts[thread.account]}, ${conversation!.id},
                ${kind === "draft" ? null : `mid.${uniqueSuffix()}`},
                ${inbound ? "inbound" : "outbound"}, ${inbound ? "contact" : "user"},
                ${inbound ? null : ws.userId}, ${`message ${minutes}`}, ${status}, ${at})
              returning id`;
            if (analysis) {
              await tx`
                insert into public.message_analyses (message_id, imo_id, conversation_id, intent,
                  confidence, entities, sentiment, category, provider, model, latency_ms, created_at)
                values (${message!.id}, ${ws.imoId}, ${conversation!.id}, ${analysis.intent}, 0.9,
                  '{}', ${analysis.sentiment}, 'other', 'offline', 'test', 1,
                  ${new Date(at.getTime() + 1000)})`;
            }
          }
        }
        await tx`delete from public.ai_analysis_jobs where imo_id = ${ws.imoId}`;
        // leads: two from DMs in the last 30 days (one by its source, one by its conversation)
        const lead = async (source: string, minutesAgo: number) => {
          const [row] = await tx<{ id: string }[]>`
            insert into public.recruiting_leads (imo_id, full_name, lead_source, created_at)
            values (${ws.imoId}, 'Lead', ${source}, ${new Date(now.getTime() - minutesAgo * MIN)})
            returning id`;
          return row!.id;
        };
        await lead("instagram_dm", 120);
        const linked = await lead("manual", 3 * 24 * 60);
        await tx`update public.conversations set recruiting_lead_id = ${linked}
          where id = ${conversations[1]!}`;
        await lead("manual", 60);
        await lead("instagram_dm", 40 * 24 * 60);
      });
      const want = expected(now);

      const response = await callFunction(ws, `insights/command-center?imo_id=${ws.imoId}&tz=UTC`);
      assert.equal(response.status, 200, await response.clone().text());
      const body = commandCenterResponseSchema.parse(await response.json());
      assert.deepEqual(body.dms.total, want.total);
      const channel = (id: string) => {
        const { channel_account_id: _, platform: _p, username: _u, ...stats } = body.dms.channels
          .find((c) => c.channel_account_id === id)!;
        return stats;
      };
      assert.deepEqual(channel(accounts.x), want.x);
      assert.deepEqual(channel(accounts.y), want.y);
      // the stated values too, so a wrong hand computation cannot pass unnoticed
      assert.equal(want.total.received_30d, 6);
      assert.equal(want.total.median_first_response_seconds_30d, 1800);
      const leadsToday = now.getTime() - 120 * MIN >= want.ranges.today ? 1 : 0;
      assert.deepEqual(body.leads, {
        created_today: leadsToday,
        created_7d: 2,
        created_30d: 2,
      });
      assert.deepEqual(body.orders, want.orders);
      assert.deepEqual(body.sentiment, want.sentiment);
      assert.deepEqual(body.categories, [
        { category: "candidate", conversations: 2 },
        { category: "customer_order", conversations: 1 },
        { category: "unanalysed", conversations: 1 },
      ]);

      // another IMO's member: the route refuses, and the SQL itself counts nothing under their RLS
      const refused = await callFunction(
        stranger,
        `insights/command-center?imo_id=${ws.imoId}&tz=UTC`,
      );
      assert.equal(refused.status, 404);
      await refused.body?.cancel();
      const seen = await stranger.sql.begin(async (tx) => {
        await tx`select set_config('request.jwt.claims', ${
          JSON.stringify({ sub: stranger.userId, role: "authenticated" })
        }, true)`;
        await tx`set local role authenticated`;
        return {
          dms: await tx`select * from public.command_center_dms(${ws.imoId})`,
          leads: await tx`select * from public.command_center_leads(${ws.imoId})`,
          analyses: await tx`select * from public.command_center_analyses(${ws.imoId})`,
          categories: await tx`select * from public.command_center_categories(${ws.imoId})`,
        };
      });
      assert.equal(seen.dms.length, 1, "only the all-channels row");
      assert.equal(seen.dms[0]!.channel_account_id, null);
      assert.equal(seen.dms[0]!.received_30d, 0);
      assert.equal(seen.leads[0]!.created_30d, 0);
      assert.equal(seen.analyses[0]!.orders_30d, 0);
      assert.equal(seen.analyses[0]!.analysed_30d, 0);
      assert.equal(seen.categories.length, 0);
    } finally {
      await Promise.all([ws.close(), stranger.close()]);
    }
  },
);

Deno.test(
  "command center: the DM numbers stay exact as messages arrive late, replies change status and messages go away",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", role: "recruiter", label: "command-late" });
    try {
      const now = new Date();
      const account = await addChannelAccount(ws);
      const [contact] = await ws.sql<{ id: string }[]>`
        insert into public.contacts (imo_id, channel_account_id, external_id, username)
        values (${ws.imoId}, ${account}, ${`igsid-${uniqueSuffix()}`}, 'late') returning id`;
      const [conversation] = await ws.sql<{ id: string }[]>`
        insert into public.conversations (imo_id, channel_account_id, contact_id)
        values (${ws.imoId}, ${account}, ${contact!.id}) returning id`;
      const thread: Thread = { account: "x", events: [] };
      const ids = new Map<number, string>();
      const add = async (minutes: number, kind: Kind) => {
        const inbound = kind === "in";
        const [message] = await ws.sql<{ id: string }[]>`
          insert into public.messages (imo_id, channel_account_id, conversation_id, external_id,
            direction, author_kind, author_user_id, text, status, sent_at)
          values (${ws.imoId}, ${account}, ${conversation!.id}, ${`mid.${uniqueSuffix()}`},
            ${inbound ? "inbound" : "outbound"}, ${inbound ? "contact" : "user"},
            ${inbound ? null : ws.userId}, 'late', ${
          inbound ? "delivered" : kind === "out" ? "sent" : kind
        },
            ${new Date(now.getTime() - minutes * MIN)})
          returning id`;
        ids.set(minutes, message!.id);
        thread.events.push([minutes, kind]);
      };
      const read = async () => {
        const response = await callFunction(
          ws,
          `insights/command-center?imo_id=${ws.imoId}&tz=UTC`,
        );
        assert.equal(response.status, 200, await response.clone().text());
        return commandCenterResponseSchema.parse(await response.json()).dms.total;
      };
      const check = async (
        step: string,
        stated: { answered_30d: number; median: number | null },
      ) => {
        const total = await read();
        const want = expected(now, [thread]).total;
        assert.deepEqual(total, want, step);
        assert.deepEqual(
          { answered_30d: total.answered_30d, median: total.median_first_response_seconds_30d },
          stated,
          step,
        );
      };

      await add(300, "in");
      await add(250, "failed");
      await add(100, "in");
      await check("a failed reply answers nothing", { answered_30d: 0, median: null });

      await ws.sql`update public.messages set status = 'sent' where id = ${ids.get(250)!}`;
      thread.events = thread.events.map(([m, k]) => [m, m === 250 ? "out" : k]);
      await check("the retried reply answers the turn before it", {
        answered_30d: 1,
        median: 3000,
      });

      await add(280, "in");
      await check("a DM stored late, older than the reply, is answered by it", {
        answered_30d: 2,
        median: 3000,
      });

      await add(90, "out");
      await check("a new reply answers the second turn", { answered_30d: 3, median: 1800 });

      await ws.sql`delete from public.messages where id = ${ids.get(250)!}`;
      thread.events = thread.events.filter(([m]) => m !== 250);
      await check("without the first reply the two turns are one", {
        answered_30d: 3,
        median: 12600,
      });
    } finally {
      await ws.close();
    }
  },
);
