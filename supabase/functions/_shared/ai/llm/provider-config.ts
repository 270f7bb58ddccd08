import type { AiProvider } from "../../../../../shared/src/contracts/message-analysis.ts";
import { OFFLINE_MODEL } from "../offline/offline-provider.ts";

/** Which provider analyses messages: AI_PROVIDER unset or "offline" means the offline one. */
export function providerStatus(): { name: AiProvider; model: string; configured: boolean } {
  return { name: "offline", model: OFFLINE_MODEL, configured: true };
}
