/**
 * Messages analysed per second by the offline AI provider, in one process on one core: every
 * message of the training and held-out sets (about 950 real-sounding DMs, short and long, English
 * and Spanish) analysed in a loop for `--seconds`. Beside it, the ceiling measured in the same
 * run: the same messages only read by wink-nlp (tokens, entities, sentiment), the least any
 * analysis costs; the difference is libphonenumber, chrono, the entity rules and the classifier.
 * Also the model's load time and the load average (the machine is shared: the lead reruns this
 * on an idle one).
 *
 *   node_modules/.bin/deno run -A scripts/bench/ai-offline.ts [--seconds 5]
 *
 * Goal (issue 13): at least 200 messages a second, so analysis never lags ingestion. Exits 1 under.
 */
import { analyzeOffline } from "../../supabase/functions/_shared/ai/offline/offline-provider.ts";
import { wink } from "../../supabase/functions/_shared/ai/offline/wink.ts";

const GOAL = 200;
const seconds = Number(Deno.args[Deno.args.indexOf("--seconds") + 1] ?? 5) || 5;
const root = new URL("../../", import.meta.url).pathname;
const texts = ["intent-training.jsonl", "held-out.jsonl"].flatMap((file) =>
  Deno.readTextFileSync(`${root}scripts/ai/data/${file}`).split("\n").filter((l) => l.trim())
    .map((line) => JSON.parse(line).text as string)
);
const load = () => Deno.readTextFileSync("/proc/loadavg").split(" ").slice(0, 3).join(" ");

const loadStarted = performance.now();
const nlp = wink();
const loadMs = performance.now() - loadStarted;
const context = { at: new Date(), timeZone: "America/New_York" };
// warm up: the first calls compile the regular expressions and the JIT's hot paths
for (const text of texts.slice(0, 200)) analyzeOffline(text, context);

function rate(work: (text: string) => unknown): number {
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  let done = 0;
  while (performance.now() < until) {
    for (let i = 0; i < 50; i++) work(texts[done++ % texts.length]!);
  }
  return done / ((performance.now() - started) / 1000);
}

const loadBefore = load();
const analysed = rate((text) => analyzeOffline(text, context));
const ceiling = rate((text) => {
  const doc = nlp.readDoc(text);
  doc.entities().out();
  return doc.out(nlp.its.sentiment);
});
console.log(`messages: ${texts.length} distinct, ${seconds} s per measurement`);
console.log(`model load: ${loadMs.toFixed(0)} ms`);
console.log(
  `offline analysis: ${analysed.toFixed(0)} messages/s (goal ≥ ${GOAL}/s); ` +
    `wink-nlp alone (ceiling): ${ceiling.toFixed(0)} messages/s; analysis = ${
      (analysed / ceiling * 100).toFixed(0)
    } % of the ceiling`,
);
console.log(`load average before / after: ${loadBefore} / ${load()} (2 cores)`);
if (analysed < GOAL) {
  console.log("UNDER THE GOAL");
  Deno.exit(1);
}
