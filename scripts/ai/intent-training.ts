import { type Intent, INTENTS, intentSchema } from "../../shared/src/contracts/message-analysis.ts";
import type { IntentModel } from "../../supabase/functions/_shared/ai/offline/intent-classifier.ts";
import { softmax } from "../../supabase/functions/_shared/ai/offline/intent-classifier.ts";
import { intentFeatures } from "../../supabase/functions/_shared/ai/offline/intent-features.ts";
import { z } from "zod";

export const labelledLineSchema = z.object({ text: z.string().min(1), intent: intentSchema });
export type Labelled = z.infer<typeof labelledLineSchema>;

export function readLabelled(path: string): Labelled[] {
  return Deno.readTextFileSync(path).split("\n").filter((line) => line.trim())
    .map((line, i) => {
      const parsed = labelledLineSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** character pieces seen in fewer examples than this are dropped (words are always kept) */
  minPieceCount: number;
  seed: number;
}

/** Chosen by 5-fold cross-validation on the training set (train-intent.ts --cv), never the held-out set. */
export const DEFAULT_OPTIONS: TrainingOptions = {
  epochs: 20,
  learningRate: 0.05,
  l2: 0,
  minPieceCount: 3,
  seed: 13,
};

/** A small seeded generator (mulberry32), so the same data always trains the same model. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Multinomial logistic regression by stochastic gradient descent with AdaGrad steps and L2
 * decay, over intentFeatures. Deterministic for a given data set and options.
 */
export function trainIntentModel(
  examples: Labelled[],
  options: TrainingOptions = DEFAULT_OPTIONS,
): Omit<IntentModel, "trained_on"> {
  const featureLists = examples.map((example) => intentFeatures(example.text));
  const counts = new Map<string, number>();
  for (const list of featureLists) {
    for (const feature of list) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }
  const keep = (feature: string) =>
    !feature.startsWith("c:") || (counts.get(feature) ?? 0) >= options.minPieceCount;
  const index = new Map<string, number>();
  for (const [feature] of counts) if (keep(feature)) index.set(feature, index.size);

  const K = INTENTS.length;
  const weights = new Float64Array(index.size * K);
  const squared = new Float64Array(index.size * K).fill(1e-8);
  const bias = new Float64Array(K);
  const biasSquared = new Float64Array(K).fill(1e-8);
  const rows = featureLists.map((list) =>
    list.flatMap((feature) => index.has(feature) ? [index.get(feature)!] : [])
  );
  const random = seeded(options.seed);
  const order = examples.map((_, i) => i);

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const e of order) {
      const row = rows[e]!;
      const target = INTENTS.indexOf(examples[e]!.intent);
      const scores = Array.from(bias);
      for (const f of row) for (let k = 0; k < K; k++) scores[k]! += weights[f * K + k]!;
      const probabilities = softmax(scores);
      for (let k = 0; k < K; k++) {
        const gradient = probabilities[k]! - (k === target ? 1 : 0);
        biasSquared[k]! += gradient * gradient;
        bias[k]! -= options.learningRate * gradient / Math.sqrt(biasSquared[k]!);
        for (const f of row) {
          const at = f * K + k;
          const g = gradient + options.l2 * weights[at]!;
          squared[at]! += g * g;
          weights[at]! -= options.learningRate * g / Math.sqrt(squared[at]!);
        }
      }
    }
  }

  const round = (value: number) => Math.round(value * 1000) / 1000;
  const kept: Record<string, number[]> = {};
  for (const [feature, f] of [...index].sort(([a], [b]) => a < b ? -1 : 1)) {
    const row = Array.from(weights.subarray(f * K, f * K + K), round);
    if (row.some((w) => Math.abs(w) >= 0.02)) kept[feature] = row;
  }
  return { version: 1, intents: INTENTS, bias: Array.from(bias, round), weights: kept };
}

/** Accuracy of k-fold cross-validation on the training set alone (the held-out set stays unseen). */
export function crossValidate(
  examples: Labelled[],
  folds: number,
  classify: (model: Omit<IntentModel, "trained_on">, text: string) => Intent,
  options: TrainingOptions = DEFAULT_OPTIONS,
) {
  const random = seeded(options.seed + 1);
  const shuffled = examples.map((example) => ({ example, key: random() }))
    .sort((a, b) => a.key - b.key).map(({ example }) => example);
  let correct = 0;
  for (let fold = 0; fold < folds; fold++) {
    const test = shuffled.filter((_, i) => i % folds === fold);
    const train = shuffled.filter((_, i) => i % folds !== fold);
    const model = trainIntentModel(train, options);
    correct += test.filter((example) => classify(model, example.text) === example.intent).length;
  }
  return correct / examples.length;
}
