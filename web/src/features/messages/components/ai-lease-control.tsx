import type { AiPanel } from "@dm-desk/shared/contracts/ai-assistant";
import { Hand, Play } from "lucide-react";
import { COMPACT_BUTTON } from "@/components/ui/compact-menu.tsx";
import { countdown } from "@/features/messages/utils/ai-labels.ts";
import { useNow } from "@/hooks/use-now.ts";

type AiLeaseControlProps = {
  lease: AiPanel["lease"];
  isBusy: boolean;
  onTakeOver: () => void;
  onResume: () => void;
};

/**
 * The takeover switch (seed 000's kill switch): while a person holds the conversation the AI only
 * drafts; a countdown to when it may act again, and "Resume AI" to end the hold now.
 */
export function AiLeaseControl({ lease, isBusy, onTakeOver, onResume }: AiLeaseControlProps) {
  const now = useNow(1000);
  const until = lease.until ? new Date(lease.until) : null;
  if (!until || until <= now) {
    return (
      <button type="button" disabled={isBusy} onClick={onTakeOver} className={COMPACT_BUTTON}>
        <Hand className="size-3" aria-hidden="true" />
        Take over
      </button>
    );
  }
  return (
    <span className="inline-flex items-center gap-1">
      <span
        role="timer"
        aria-label={`AI paused for ${countdown(until, now)}`}
        className="text-[10px] text-amber-700 tabular-nums dark:text-amber-300"
      >
        {`${lease.by_name ?? "A person"} holds it · ${countdown(until, now)}`}
      </span>
      <button type="button" disabled={isBusy} onClick={onResume} className={COMPACT_BUTTON}>
        <Play className="size-3" aria-hidden="true" />
        Resume AI
      </button>
    </span>
  );
}
