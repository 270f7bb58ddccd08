/**
 * The offline provider over a file of messages, one JSON object per line:
 *
 *   deno run -A scripts/ai/classify.ts < in.jsonl > out.jsonl
 *   deno run -A scripts/ai/classify.ts --time-zone America/Chicago < in.jsonl
 *
 * Each input line is {"text": "...", "at"?: ISO time the message was written (default: now)};
 * each output line is {"intent", "confidence", "entities", "sentiment", "category"}, in order.
 * A line that is not such an object gets {"error": "..."} so the lines stay aligned.
 */
import { z } from "zod";
import { analyzeOffline } from "../../supabase/functions/_shared/ai/offline/offline-provider.ts";
import { timestampSchema } from "../../shared/src/schemas/common.ts";

const lineSchema = z.object({ text: z.string(), at: timestampSchema.optional() });
const zoneFlag = Deno.args.indexOf("--time-zone");
const timeZone = zoneFlag >= 0 ? Deno.args[zoneFlag + 1]! : "UTC";
// an unknown zone fails here, once, rather than on every line
new Intl.DateTimeFormat("en-US", { timeZone });

const encoder = new TextEncoder();
let pending = "";
const decoder = new TextDecoder();
for await (const chunk of Deno.stdin.readable) {
  pending += decoder.decode(chunk, { stream: true });
  const lines = pending.split("\n");
  pending = lines.pop()!;
  await write(lines.map(analyseLine).join(""));
}
pending += decoder.decode();
if (pending.trim()) await write(analyseLine(pending));

function analyseLine(line: string): string {
  if (!line.trim()) return "";
  let answer: unknown;
  try {
    const input = lineSchema.parse(JSON.parse(line));
    const at = input.at ? new Date(input.at) : new Date();
    answer = analyzeOffline(input.text, { at, timeZone });
  } catch (error) {
    answer = { error: error instanceof Error ? error.message.split("\n")[0] : String(error) };
  }
  return JSON.stringify(answer) + "\n";
}

async function write(text: string) {
  if (!text) return;
  const writer = Deno.stdout.writable.getWriter();
  await writer.write(encoder.encode(text));
  writer.releaseLock();
}
