/**
 * Retrains the offline intent classifier from the labelled training set and writes the model the
 * offline provider loads:
 *
 *   deno run -A scripts/ai/train-intent.ts          # writes supabase/functions/_shared/ai/offline/intent-model.json
 *   deno run -A scripts/ai/train-intent.ts --cv     # also prints 5-fold cross-validation accuracy
 *
 * It reads scripts/ai/data/intent-training.jsonl only; scripts/ai/data/held-out.jsonl is for
 * scripts/ai/evaluate.ts and must never be trained or tuned on.
 */
import { INTENTS } from "../../shared/src/contracts/message-analysis.ts";
import { classifyIntent } from "../../supabase/functions/_shared/ai/offline/intent-classifier.ts";
import type { IntentModel } from "../../supabase/functions/_shared/ai/offline/intent-classifier.ts";
import { crossValidate, readLabelled, trainIntentModel } from "./intent-training.ts";

const root = new URL("../../", import.meta.url).pathname;
const trainingPath = `${root}scripts/ai/data/intent-training.jsonl`;
const modelPath = `${root}supabase/functions/_shared/ai/offline/intent-model.json`;

const examples = readLabelled(trainingPath);
const perIntent = INTENTS.map((intent) =>
  `${intent} ${examples.filter((e) => e.intent === intent).length}`
);
console.log(`training examples: ${examples.length} (${perIntent.join(", ")})`);

if (Deno.args.includes("--cv")) {
  const accuracy = crossValidate(
    examples,
    5,
    (model, text) =>
      classifyIntent({ ...model, trained_on: { examples: 0, sha256: "" } }, text).intent,
  );
  console.log(
    `5-fold cross-validation accuracy on the training set: ${(accuracy * 100).toFixed(1)} %`,
  );
}

const digest = await crypto.subtle.digest("SHA-256", Deno.readFileSync(trainingPath));
const sha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
const model: IntentModel = {
  ...trainIntentModel(examples),
  trained_on: { examples: examples.length, sha256 },
};
Deno.writeTextFileSync(modelPath, JSON.stringify(model) + "\n");
const fmt = await new Deno.Command(Deno.execPath(), { args: ["fmt", "-q", modelPath] }).output();
if (!fmt.success) throw new Error("deno fmt failed on the model");
const size = Deno.statSync(modelPath).size;
console.log(
  `wrote ${modelPath}: ${Object.keys(model.weights).length} features, ${
    (size / 1024).toFixed(0)
  } KiB`,
);
