import { z } from "zod";
import { intentSchema } from "../../shared/src/contracts/message-analysis.ts";
import { analyzeOffline } from "../../supabase/functions/_shared/ai/offline/offline-provider.ts";
import { readLabelled } from "./intent-training.ts";

const root = new URL("../../", import.meta.url).pathname;
const heldOutSchema = z.object({
  text: z.string().min(1),
  intent: intentSchema,
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type HeldOut = z.infer<typeof heldOutSchema>;

export interface EntityCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface HeldOutScore {
  rows: HeldOut[];
  accuracy: number;
  correct: number;
  confusion: Map<string, number>;
  counts: { email: EntityCounts; phone: EntityCounts };
  misses: string[];
}

/** The held-out set, refused if any of its messages is also a training example. */
export function readHeldOut(): HeldOut[] {
  const heldOut = Deno.readTextFileSync(`${root}scripts/ai/data/held-out.jsonl`).split("\n")
    .filter((line) => line.trim()).map((line) => heldOutSchema.parse(JSON.parse(line)));
  const training = new Set(
    readLabelled(`${root}scripts/ai/data/intent-training.jsonl`).map((e) => e.text.toLowerCase()),
  );
  const leaked = heldOut.filter((row) => training.has(row.text.toLowerCase()));
  if (leaked.length) {
    throw new Error(
      `held-out messages also in the training set: ${leaked.map((r) => r.text).join(" | ")}`,
    );
  }
  return heldOut;
}

/**
 * The offline provider over the held-out set: intent accuracy, and for email and phone the exact
 * matches (true positives), wrong or invented values (false positives) and missed ones (false
 * negatives); a wrong value counts as both.
 */
export function scoreHeldOut(rows = readHeldOut()): HeldOutScore {
  const at = new Date("2026-12-03T15:00:00Z");
  const confusion = new Map<string, number>();
  const misses: string[] = [];
  let correct = 0;
  const counts = { email: { tp: 0, fp: 0, fn: 0 }, phone: { tp: 0, fp: 0, fn: 0 } };
  for (const row of rows) {
    const analysis = analyzeOffline(row.text, { at, timeZone: "America/New_York" });
    if (analysis.intent === row.intent) correct++;
    else {
      const key = `${row.intent} → ${analysis.intent}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
      misses.push(`intent ${key}: ${row.text}`);
    }
    for (const kind of ["email", "phone"] as const) {
      const found = analysis.entities[kind];
      const expected = row[kind];
      if (found && found === expected) counts[kind].tp++;
      else {
        if (found) counts[kind].fp++;
        if (expected) counts[kind].fn++;
        if (found || expected) {
          misses.push(`${kind} expected ${expected} found ${found}: ${row.text}`);
        }
      }
    }
  }
  return { rows, accuracy: correct / rows.length, correct, confusion, counts, misses };
}

export function f1({ tp, fp, fn }: EntityCounts) {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return {
    precision,
    recall,
    f1: precision + recall ? 2 * precision * recall / (precision + recall) : 0,
  };
}

export const GOALS = { accuracy: 0.85, f1: 0.9 };
