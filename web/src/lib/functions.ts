import type { z } from "zod";
import { AppError, GENERIC_ERROR_MESSAGE, toAppError } from "@/lib/errors.ts";
import { supabase } from "@/lib/supabase.ts";

type InvokeOptions =
  | { method: "GET" | "DELETE" }
  | { method: "POST" | "PATCH"; body: Record<string, unknown> };

// Every edge-function call goes through here so that each one is parsed with its shared
// contract: a function deployed ahead of (or behind) the SPA fails loudly here instead of
// rendering half-filled screens.
export async function invokeFunction<Schema extends z.ZodType>(
  name: string,
  schema: Schema,
  options: InvokeOptions,
): Promise<z.infer<Schema>> {
  let result: { data: unknown; error: unknown };
  try {
    result = await supabase.functions.invoke(name, options);
  } catch (error) {
    throw await toAppError(error);
  }
  if (result.error) throw await toAppError(result.error);
  const parsed = schema.safeParse(result.data);
  if (!parsed.success) {
    console.error(`${name} answered in an unexpected shape`, parsed.error.issues);
    throw new AppError("invalid_response", GENERIC_ERROR_MESSAGE);
  }
  return parsed.data;
}

// Query parameters in the function name are how supabase-js passes a GET's query.
export function withQuery(name: string, query: Record<string, string>): string {
  return `${name}?${new URLSearchParams(query)}`;
}

// Inputs are checked before the round trip, and a bad one surfaces as an AppError like any
// other failure, so callers handle one error type.
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new AppError("invalid_input", `${where}${issue?.message ?? "Invalid input"}`);
  }
  return parsed.data;
}
