/**
 * Scores the offline provider on the held-out set (scripts/ai/data/held-out.jsonl: never trained
 * or tuned on; this script refuses to run if any of its messages is in the training set):
 *
 *   deno run -A scripts/ai/evaluate.ts            # accuracy, email and phone F1; exit 1 under the goals
 *   deno run -A scripts/ai/evaluate.ts --errors   # also lists every miss
 *
 * Goals (issue 13): intent accuracy ≥ 85 %, entity F1 ≥ 90 % for email and for phone.
 */
import { INTENTS } from "../../shared/src/contracts/message-analysis.ts";
import { f1, GOALS, scoreHeldOut } from "./held-out-score.ts";

const score = scoreHeldOut();
if (Deno.args.includes("--errors")) score.misses.forEach((miss) => console.log(`miss  ${miss}`));
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const { rows } = score;
console.log(
  `held-out messages: ${rows.length} (${
    INTENTS.map((i) => `${i} ${rows.filter((r) => r.intent === i).length}`).join(", ")
  })`,
);
console.log(
  `intent accuracy: ${pct(score.accuracy)} (${score.correct}/${rows.length}; goal ≥ 85 %)`,
);
for (const kind of ["email", "phone"] as const) {
  const { precision, recall, f1: value } = f1(score.counts[kind]);
  const labelled = score.counts[kind].tp + score.counts[kind].fn;
  console.log(
    `${kind} F1: ${pct(value)} (precision ${pct(precision)}, recall ${pct(recall)}, ` +
      `${labelled} labelled; goal ≥ 90 %)`,
  );
}
const top = [...score.confusion].sort((a, b) => b[1] - a[1]).slice(0, 8);
if (top.length) console.log(`most confused: ${top.map(([k, n]) => `${k} ×${n}`).join(", ")}`);
const passed = score.accuracy >= GOALS.accuracy && f1(score.counts.email).f1 >= GOALS.f1 &&
  f1(score.counts.phone).f1 >= GOALS.f1;
console.log(passed ? "goals met" : "GOALS NOT MET");
if (!passed) Deno.exit(1);
