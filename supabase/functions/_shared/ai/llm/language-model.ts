import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import type { LlmConfig } from "./provider-config.ts";

/** The AI SDK model for the configured provider. */
export function languageModel(config: LlmConfig): LanguageModel {
  switch (config.provider) {
    case "openai":
      return createOpenAI({ apiKey: config.apiKey, baseURL: config.baseUrl })(config.model);
    case "anthropic":
      return createAnthropic({ apiKey: config.apiKey, baseURL: config.baseUrl })(config.model);
    case "openai_compatible":
      return createOpenAICompatible({
        name: "openai-compatible",
        baseURL: config.baseUrl!,
        apiKey: config.apiKey,
        // json_schema response format: Ollama, vLLM and LM Studio honour it
        supportsStructuredOutputs: true,
      })(config.model);
  }
}
