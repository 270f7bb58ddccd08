/**
 * DM to screen: how long a lead's Instagram DM takes from the Meta sandbox sending it to its text
 * being on a recruiter's screen in Chromium, with nothing reloaded. Starts a throwaway platform
 * (the Meta sandbox included) and the SPA as the end-to-end tests do (the same fixtures: a Team
 * IMO, a connected sandbox account, a lead who wrote), signs a recruiter in through the SPA in
 * headless Chromium, opens the lead's conversation, and then, `--dms` times one after another:
 *
 *   1. arms a MutationObserver in the page for the next DM's text (a unique marker),
 *   2. takes the time and asks the sandbox to send the DM (`POST /_sandbox/leads/<id>/messages`:
 *      Meta's signed webhook delivery to instagram-webhook),
 *   3. takes the time again when the observer reports a received message with that text
 *      (it calls back into this process through a Playwright binding).
 *
 * Both times are this process's monotonic clock (`performance.now()`), so the two ends need no
 * clock agreement; the binding's own hop (about a millisecond) is counted in, never out. The path
 * measured: the webhook's signature check and ledger, ingestion, the messages trigger, logical
 * decoding to Realtime, the broadcast over the websocket, the SPA's cache update and React's
 * render. One DM before the measured ones warms every step up (and proves the channel joined).
 *
 * Prints p50, p95 and the maximum over the DMs beside the goal (p95 under 1 s) and the load
 * average (other work on the machine slows every step).
 *
 *   node_modules/.bin/deno run -A scripts/bench/dm-to-screen.ts [--dms 50] [--gap-ms 250] [--dev]
 *
 * The SPA is built as it is deployed and served by `vite preview`; `--dev` uses Vite's dev server
 * (React's development build) as the e2e tests do.
 *
 * Exits 1 when p95 is 1 s or more, or a DM never shows.
 */
import { startThrowawayPlatform } from "./throwaway-platform.ts";

const args = new Map<string, string>();
for (let i = 0; i < Deno.args.length; i++) {
  if (Deno.args[i] === "--dev") args.set("--dev", "");
  else args.set(Deno.args[i]!, Deno.args[++i] ?? "");
}
const DMS = Number(args.get("--dms") ?? 50);
const GAP_MS = Number(args.get("--gap-ms") ?? 250);
const GOAL_P95_MS = 1_000;
const SHOW_TIMEOUT_MS = 15_000;

/** The nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const load = () => Deno.loadavg().map((n) => n.toFixed(2)).join(" ");

const platform = await startThrowawayPlatform();
// the test helpers find the platform through the environment, as under `npm test`
for (const [name, value] of Object.entries(platform.env)) Deno.env.set(name, value);
const { createWorkspace } = await import("../testing/workspace.ts");
const { sandboxThread } = await import("../testing/send-fixture.ts");
const { sandbox } = await import("../testing/meta-sandbox-client.ts");
const { startWebServer } = await import("../testing/web-server.ts");
const { launchBrowser, signInAs } = await import("../testing/browser.ts");

let exitCode = 0;
const workspace = await createWorkspace({ plan: "team", role: "recruiter", label: "bench-dm" });
// the SPA as deployed (production React); `--dev` for Vite's dev server as the e2e tests use it
const web = await startWebServer({ production: !args.has("--dev") });
const browser = await launchBrowser();
try {
  const thread = await sandboxThread(workspace, { minutesAgo: 5 });
  const { username } = await sandbox<{ username: string }>(`leads/${thread.leadId}`);
  const page = await signInAs(browser, web.url, workspace, {
    viewport: { width: 1440, height: 900 },
  });
  await page.getByRole("listbox", { name: "Conversations" })
    .getByRole("option", { name: `@${username}` }).click();
  const view = page.getByRole("region", { name: `Conversation with @${username}` });
  await view.getByText("Hi, is the recruiter role still open?").waitFor({ timeout: 30_000 });

  // Where each DM's frame reached the page (its own clock), for the breakdown: every Realtime
  // frame is read as it arrives, before supabase-js's handler, for the markers it carries.
  await page.context().addInitScript(() => {
    const frameAt = new Map<string, number>();
    Object.assign(globalThis, { __frameAt: frameAt });
    const Native = WebSocket;
    class Recording extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener("message", (event) => {
          const at = performance.now();
          const text = typeof event.data === "string"
            ? event.data
            : event.data instanceof ArrayBuffer
            ? new TextDecoder().decode(event.data)
            : "";
          for (const [marker] of text.matchAll(/(?:dm|warm-up)-[0-9a-f]{6}(?:-\d{3})?/g)) {
            if (!frameAt.has(marker)) frameAt.set(marker, at);
          }
        });
      }
    }
    globalThis.WebSocket = Recording;
  });
  await page.reload();
  await view.getByText("Hi, is the recruiter role still open?").waitFor({ timeout: 30_000 });

  // The page reports a marker's first appearance; this process dates the report.
  const seenAt = new Map<string, (at: { here: number; inPage: number }) => void>();
  await page.exposeFunction("__dmSeen", (marker: string, inPage: number) => {
    seenAt.get(marker)?.({ here: performance.now(), inPage });
  });
  const arm = (marker: string) =>
    page.evaluate((marker) => {
      const page = globalThis as unknown as {
        __dmSeen: (m: string, at: number) => void;
        __frameAt: Map<string, number>;
      };
      const isShown = () =>
        [...document.querySelectorAll('[role="article"][aria-label="Received message"]')]
          .some((article) => article.textContent?.includes(marker));
      const observer = new MutationObserver(() => {
        if (!isShown()) return;
        observer.disconnect();
        // in the page's clock: from the frame's arrival to the text on screen
        page.__dmSeen(marker, performance.now() - (page.__frameAt.get(marker) ?? NaN));
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    }, marker);

  /**
   * Where the time went, roughly: from the send to the start of the transaction that stored the
   * message (messages.created_at, Postgres's clock: the same machine's wall clock as
   * `performance.timeOrigin`), and the rest (commit, Realtime, the SPA).
   */
  const storedAfter = async (marker: string, sentAt: number) => {
    const [row] = await workspace.sql<{ created_at: Date }[]>`
      select created_at from public.messages
      where conversation_id = ${thread.conversationId} and text like ${`%${marker}`}`;
    return row ? row.created_at.getTime() - (performance.timeOrigin + sentAt) : NaN;
  };

  // A second listener beside the page, in this process: when Realtime delivered each DM's INSERT.
  const broadcastAt = new Map<string, number>();
  await workspace.client.realtime.setAuth(workspace.accessToken);
  const listener = workspace.client.channel(`imo:${workspace.imoId}`, {
    config: { private: true },
  });
  const joined = Promise.withResolvers<void>();
  listener.on("broadcast", { event: "INSERT" }, ({ payload }) => {
    const text = (payload as { record?: { text?: string } }).record?.text ?? "";
    const marker = /\S+$/.exec(text)?.[0];
    if (marker && !broadcastAt.has(marker)) broadcastAt.set(marker, performance.now());
  }).subscribe((status) => status === "SUBSCRIBED" && joined.resolve());
  await joined.promise;

  /** Sends one DM as the lead: the milliseconds until it is on screen, and until it was stored. */
  const measure = async (marker: string) => {
    const shown = new Promise<{ here: number; inPage: number }>((resolve, reject) => {
      seenAt.set(marker, resolve);
      setTimeout(() => reject(new Error(`"${marker}" not shown`)), SHOW_TIMEOUT_MS);
    });
    shown.catch(() => {}); // awaited below; this only keeps an early timeout from going unhandled
    await arm(marker);
    const sentAt = performance.now();
    await sandbox(`leads/${thread.leadId}/messages`, {
      account: thread.account.igAccountId,
      text: `Quick question ${marker}`,
    });
    const { here, inPage } = await shown;
    const broadcast = (broadcastAt.get(marker) ?? NaN) - sentAt;
    return { total: here - sentAt, stored: await storedAfter(marker, sentAt), broadcast, inPage };
  };

  const run = crypto.randomUUID().slice(0, 6);
  const warmUp = await measure(`warm-up-${run}`);
  console.log(`warm-up DM shown after ${warmUp.total.toFixed(0)} ms; measuring ${DMS} DMs…`);
  console.log(`load average before: ${load()}`);
  const latencies: number[] = [];
  const stored: number[] = [];
  const broadcasts: number[] = [];
  const inPage: number[] = [];
  for (let i = 1; i <= DMS; i++) {
    try {
      const result = await measure(`dm-${run}-${String(i).padStart(3, "0")}`);
      latencies.push(result.total);
      stored.push(result.stored);
      broadcasts.push(result.broadcast);
      inPage.push(result.inPage);
    } catch (error) {
      console.error(`DM ${i}: ${(error as Error).message}`);
      exitCode = 1;
    }
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
  }

  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(`\nDM to screen (sandbox send → visible in Chromium), ${sorted.length}/${DMS} DMs:`);
  if (sorted.length) {
    const p95 = percentile(sorted, 95);
    console.log(`  p50 ${ms(percentile(sorted, 50))}`);
    console.log(
      `  p95 ${ms(p95)}   goal < ${ms(GOAL_P95_MS)} — ${p95 < GOAL_P95_MS ? "met" : "MISSED"}`,
    );
    console.log(`  max ${ms(sorted.at(-1)!)}   min ${ms(sorted[0]!)}`);
    const stages: [string, number[]][] = [
      ["send → the storing transaction began (webhook, ingestion)", stored],
      ["send → Realtime delivered it to a listener in this process", broadcasts],
      ["the frame reached the page → on screen (the SPA; the page's clock)", inPage],
    ];
    console.log("  where the time went:");
    for (const [stage, values] of stages) {
      const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
      if (!finite.length) continue;
      console.log(
        `    ${stage}: p50 ${ms(percentile(finite, 50))}, p95 ${ms(percentile(finite, 95))}`,
      );
    }
    if (p95 >= GOAL_P95_MS) exitCode = 1;
  }
  console.log(`load average after: ${load()} (${navigator.hardwareConcurrency} cores)`);
} finally {
  await workspace.client.removeAllChannels();
  await browser.close();
  await web.stop();
  await workspace.close();
  await platform.stop();
}
Deno.exit(exitCode);
