import { z } from "zod";
import type { AiProvider } from "../../../../../shared/src/contracts/message-analysis.ts";
import { OFFLINE_MODEL } from "../offline/offline-provider.ts";

/**
 * The LLM, when one is configured (function secrets; README "AI assistant"):
 *   AI_PROVIDER  offline (default) | openai | anthropic | openai_compatible (Ollama, vLLM, ...)
 *   AI_MODEL     the model name, e.g. gpt-4o-mini, claude-3-5-haiku-latest, llama3.1
 *   AI_API_KEY   the provider's key (optional for a local OpenAI-compatible server)
 *   AI_BASE_URL  the server's /v1 URL (openai_compatible; optional for openai)
 *   AI_TIMEOUT_MS how long one answer may take before the offline provider answers (default 8000)
 * A half-written configuration fails loudly rather than silently falling back.
 */
const configSchema = z.discriminatedUnion("AI_PROVIDER", [
  z.object({ AI_PROVIDER: z.literal("offline") }),
  z.object({
    AI_PROVIDER: z.enum(["openai", "anthropic"]),
    AI_MODEL: z.string().min(1),
    AI_API_KEY: z.string().min(1),
    AI_BASE_URL: z.url().optional(),
    AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000),
  }),
  z.object({
    AI_PROVIDER: z.literal("openai_compatible"),
    AI_MODEL: z.string().min(1),
    AI_API_KEY: z.string().optional(),
    AI_BASE_URL: z.url(),
    AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000),
  }),
]);

export interface LlmConfig {
  provider: Exclude<AiProvider, "offline">;
  model: string;
  apiKey: string | undefined;
  baseUrl: string | undefined;
  timeoutMs: number;
}

/** The configured LLM, or null for the offline provider. Read from the environment each call. */
export function llmConfig(environment = Deno.env.toObject()): LlmConfig | null {
  const parsed = configSchema.safeParse({
    ...environment,
    AI_PROVIDER: environment.AI_PROVIDER || "offline",
  });
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    throw new Error(`the AI provider's settings are incomplete or invalid: ${names}`);
  }
  const config = parsed.data;
  if (config.AI_PROVIDER === "offline") return null;
  return {
    provider: config.AI_PROVIDER,
    model: config.AI_MODEL,
    apiKey: config.AI_API_KEY,
    baseUrl: config.AI_BASE_URL,
    timeoutMs: config.AI_TIMEOUT_MS,
  };
}

/** Which provider analyses messages, for the settings page (never the key). */
export function providerStatus(): { name: AiProvider; model: string; configured: boolean } {
  try {
    const config = llmConfig();
    return config
      ? { name: config.provider, model: config.model, configured: true }
      : { name: "offline", model: OFFLINE_MODEL, configured: true };
  } catch {
    return { name: "offline", model: OFFLINE_MODEL, configured: false };
  }
}
