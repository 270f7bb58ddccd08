/**
 * A local OpenAI-compatible server for the AI assistant's tests (issue 13): POST
 * /v1/chat/completions answers from a script of canned answers and records every request (the
 * prompts, the response_format), so a test can check both what the assistant asked and how it
 * takes each kind of answer. Not a model: it says what the test tells it to.
 *
 *   deno run -A scripts/llm-simulator/simulator.ts [--port 54330]   # alone, answering `other`
 */

export type ScriptedAnswer =
  /** a completion whose message content is this JSON, serialised */
  | { kind: "json"; body: unknown }
  /** a completion whose message content is this text, as written */
  | { kind: "text"; content: string }
  /** an HTTP error with an OpenAI-style error body */
  | { kind: "status"; status: number; message?: string }
  /** the next answer, after a delay (a slow model) */
  | { kind: "delay"; ms: number; then: ScriptedAnswer };

export interface RecordedRequest {
  path: string;
  authorization: string | null;
  body: {
    model?: string;
    messages?: { role: string; content: unknown }[];
    response_format?: { type: string; json_schema?: { name?: string; schema?: unknown } };
    [key: string]: unknown;
  };
}

export interface LlmSimulator {
  /** the base URL to configure (AI_BASE_URL), ending in /v1 */
  baseUrl: string;
  requests: RecordedRequest[];
  /** answers for the next requests, in order; when none is left, `fallback` answers */
  script(...answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
}

const FALLBACK: ScriptedAnswer = {
  kind: "json",
  body: {
    intent: "other",
    confidence: 0.5,
    entities: {
      email: null,
      phone: null,
      us_state: null,
      years_experience: null,
      licensed: null,
      availability: null,
      order: null,
    },
    sentiment: 0,
    category: "other",
  },
};

export function startLlmSimulator(port = 0): LlmSimulator {
  const requests: RecordedRequest[] = [];
  const queue: ScriptedAnswer[] = [];
  const controller = new AbortController();

  async function answer(
    scripted: ScriptedAnswer,
    model: string,
    signal: AbortSignal,
  ): Promise<Response> {
    if (scripted.kind === "delay") {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, scripted.ms);
        // the client gave up: stop waiting, so the server closes cleanly
        signal.addEventListener("abort", () => {
          clearTimeout(timer);
          resolve();
        });
      });
      return answer(scripted.then, model, signal);
    }
    if (scripted.kind === "status") {
      return Response.json(
        { error: { message: scripted.message ?? "simulated error", type: "server_error" } },
        { status: scripted.status },
      );
    }
    const content = scripted.kind === "json" ? JSON.stringify(scripted.body) : scripted.content;
    return Response.json({
      id: `chatcmpl-sim-${requests.length}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{
        index: 0,
        message: { role: "assistant", content },
        finish_reason: "stop",
      }],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    });
  }

  const server = Deno.serve(
    { hostname: "127.0.0.1", port, signal: controller.signal, onListen: () => {} },
    async (request) => {
      const url = new URL(request.url);
      if (request.method !== "POST" || url.pathname !== "/v1/chat/completions") {
        return Response.json({ error: { message: "not found" } }, { status: 404 });
      }
      const body = await request.json().catch(() => ({}));
      requests.push({
        path: url.pathname,
        authorization: request.headers.get("authorization"),
        body,
      });
      return await answer(queue.shift() ?? FALLBACK, String(body.model ?? "sim"), request.signal);
    },
  );
  return {
    baseUrl: `http://127.0.0.1:${server.addr.port}/v1`,
    requests,
    script: (...answers) => queue.push(...answers),
    async close() {
      controller.abort();
      await server.finished;
    },
  };
}

if (import.meta.main) {
  const flag = Deno.args.indexOf("--port");
  const simulator = startLlmSimulator(flag >= 0 ? Number(Deno.args[flag + 1]) : 54330);
  console.log(
    `LLM simulator at ${simulator.baseUrl} (AI_PROVIDER=openai_compatible AI_BASE_URL=...)`,
  );
}
