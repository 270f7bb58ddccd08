import type { ConversationWindow } from "@dm-desk/shared/contracts/inbox-conversations";
import { Tooltip } from "@/components/ui/tooltip.tsx";
import {
  HUMAN_AGENT_EXPLANATION,
  WINDOW_RULE_EXPLANATION,
  windowStatusAt,
  type WindowTone,
} from "@/features/messages/utils/messaging-window.ts";

export const WINDOW_DOT: Record<WindowTone, string> = {
  open: "bg-emerald-500",
  closing: "bg-amber-400",
  closed: "bg-red-500",
};

const BADGE: Record<WindowTone, string> = {
  open: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  closing: "bg-amber-50 text-amber-700 dark:bg-amber-950 dark:text-amber-300",
  closed: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
};

type WindowIndicatorProps = {
  window: Pick<ConversationWindow, "reply_until" | "human_agent_until">;
  now: Date;
  hasHumanAgent: boolean;
};

/** The 24-hour window at a glance, with the rule behind it on hover or focus. */
export function WindowIndicator({ window, now, hasHumanAgent }: WindowIndicatorProps) {
  const status = windowStatusAt(window, now, hasHumanAgent);
  return (
    <Tooltip
      content={
        <>
          {WINDOW_RULE_EXPLANATION}
          {hasHumanAgent && <span className="mt-1 block">{HUMAN_AGENT_EXPLANATION}</span>}
        </>
      }
    >
      <button
        type="button"
        data-tone={status.tone}
        className={`inline-flex h-5 shrink-0 items-center gap-1 rounded px-1.5 text-[11px] font-medium ${
          BADGE[status.tone]
        }`}
      >
        <span aria-hidden="true" className={`size-1.5 rounded-full ${WINDOW_DOT[status.tone]}`} />
        {status.label}
      </button>
    </Tooltip>
  );
}
