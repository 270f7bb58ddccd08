import { type Intent, INTENTS } from "../../../../../shared/src/contracts/message-analysis.ts";
import { intentFeatures } from "./intent-features.ts";

/**
 * A multinomial logistic regression over intentFeatures: one weight per (feature, intent) that
 * training kept, and a bias per intent. Written by scripts/ai/train-intent.ts from the labelled
 * set in scripts/ai/data/; the file it writes (intent-model.json) is this type.
 */
export interface IntentModel {
  version: 1;
  intents: readonly Intent[];
  bias: number[];
  /** feature → weight per intent, in the order of `intents` (zeros pruned to keep the file small) */
  weights: Record<string, number[]>;
  trained_on: { examples: number; sha256: string };
}

export interface IntentScore {
  intent: Intent;
  confidence: number;
  /** every intent's probability, in the order of INTENTS */
  probabilities: number[];
}

/** Softmax of the summed weights: the likeliest intent and its probability. */
export function classifyIntent(model: IntentModel, text: string): IntentScore {
  const scores = [...model.bias];
  for (const feature of intentFeatures(text)) {
    const weights = model.weights[feature];
    if (!weights) continue;
    for (let k = 0; k < scores.length; k++) scores[k]! += weights[k]!;
  }
  const probabilities = softmax(scores);
  let best = 0;
  for (let k = 1; k < probabilities.length; k++) {
    if (probabilities[k]! > probabilities[best]!) best = k;
  }
  const byContract = INTENTS.map((intent) => probabilities[model.intents.indexOf(intent)] ?? 0);
  return {
    intent: model.intents[best]!,
    confidence: probabilities[best]!,
    probabilities: byContract,
  };
}

export function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exp = scores.map((score) => Math.exp(score - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((value) => value / sum);
}
