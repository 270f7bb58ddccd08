import { FunctionsHttpError } from "@supabase/supabase-js";
import { functions } from "@/testing/supabase-mock.ts";

// Replies for supabase.functions.invoke, shaped like supabase-js's: `{ data, error }`.

export type FunctionCall = {
  /** the function name without its query string */
  name: string;
  query: URLSearchParams;
  method: string;
  body: unknown;
};

export type FunctionReply = { data: unknown; error: unknown };

// Handlers build a fresh reply per call: a Response body can be read only once.
export type FunctionHandler = (call: FunctionCall) => FunctionReply | Promise<FunctionReply>;

export const ok = (data: unknown): FunctionReply => ({ data, error: null });

/** The edge functions' error envelope, as a FunctionsHttpError like supabase-js returns. */
export function fail(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): FunctionReply {
  const body = { error: { code, message, details: null, ...extra } };
  const response = new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
  return { data: null, error: new FunctionsHttpError(response) };
}

export function mockFunctions(handlers: Record<string, FunctionHandler>) {
  functions.invoke.mockImplementation(
    (fullName: string, options: { method?: string; body?: unknown } = {}) => {
      const [name = "", query = ""] = fullName.split("?");
      const handler = handlers[name];
      if (!handler) {
        return Promise.resolve({ data: null, error: new Error(`No mock reply for ${name}`) });
      }
      return Promise.resolve(
        handler({
          name,
          query: new URLSearchParams(query),
          method: options.method ?? "POST",
          body: options.body,
        }),
      );
    },
  );
}

/** The calls made to one function, in order. */
export function callsTo(name: string): FunctionCall[] {
  return functions.invoke.mock.calls
    .filter(([fullName]) => String(fullName).split("?")[0] === name)
    .map(([fullName, options = {}]) => ({
      name,
      query: new URLSearchParams(String(fullName).split("?")[1] ?? ""),
      method: options.method ?? "POST",
      body: options.body,
    }));
}
