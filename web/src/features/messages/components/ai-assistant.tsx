import { INTENT_LABELS } from "@dm-desk/shared/contracts/ai-assistant";
import { AI_MODES } from "@dm-desk/shared/schemas/enums";
import { ChevronDown, ChevronUp, Sparkles } from "lucide-react";
import { useState } from "react";
import { InlineError } from "@/components/ui/inline-error.tsx";
import { useAiPanel } from "@/features/messages/api/get-ai-panel.ts";
import { useUpdateAiPanel } from "@/features/messages/api/update-ai-panel.ts";
import { AiDetails } from "@/features/messages/components/ai-details.tsx";
import { AiDraftCard } from "@/features/messages/components/ai-draft-card.tsx";
import { AiLeaseControl } from "@/features/messages/components/ai-lease-control.tsx";
import { CategoryBadge } from "@/features/messages/components/category-badge.tsx";
import { MODE_LABELS, orderSummary, STATE_LABELS } from "@/features/messages/utils/ai-labels.ts";

type AiAssistantProps = {
  imoId: string;
  conversationId: string;
  /** why nothing can be sent now, for the draft's send button */
  disabledReason?: string;
  /** puts a text in the composer (the "Close sale" shortcuts) */
  onInsert: (text: string) => void;
};

/**
 * The AI panel of a conversation, docked above the composer: the latest intent, the category,
 * the qualification stage, the mode and the takeover lease on one line; the details on demand;
 * the AI's draft to approve, edit or discard.
 */
export function AiAssistant({ imoId, conversationId, disabledReason, onInsert }: AiAssistantProps) {
  const panel = useAiPanel(imoId, conversationId);
  const update = useUpdateAiPanel(imoId, conversationId);
  const [isOpen, setIsOpen] = useState(false);

  if (panel.status === "pending") {
    return (
      <div
        aria-label="Loading the AI panel"
        role="status"
        className="h-7 border-t border-zinc-200 dark:border-zinc-800"
      />
    );
  }
  if (panel.status === "error") {
    return (
      <InlineError
        message={`The AI panel could not load. ${panel.error.message}`}
        onRetry={() => void panel.refetch()}
        className="border-t border-zinc-200 px-2 py-1 text-[11px] dark:border-zinc-800"
      />
    );
  }
  const data = panel.data;
  const latest = data.latest;
  return (
    <div className="border-t border-zinc-200 dark:border-zinc-800">
      <section
        aria-label="AI assistant"
        className="flex flex-wrap items-center gap-1 px-2 py-1 text-[11px]"
      >
        <button
          type="button"
          aria-expanded={isOpen}
          onClick={() => setIsOpen(!isOpen)}
          className="inline-flex items-center gap-1 font-medium text-zinc-700 dark:text-zinc-200"
        >
          <Sparkles className="size-3 text-indigo-500" aria-hidden="true" />
          {latest
            ? `${INTENT_LABELS[latest.intent]} ${Math.round(latest.confidence * 100)}%`
            : "AI"}
          {isOpen
            ? <ChevronUp className="size-3" aria-hidden="true" />
            : <ChevronDown className="size-3" aria-hidden="true" />}
        </button>
        {data.category && <CategoryBadge category={data.category} />}
        {latest?.intent === "order" && latest.entities.order && (
          // seed 000's order intent: what was parsed, for the person to confirm with the buyer
          <span className="rounded bg-amber-50 px-1 text-[10px] text-amber-800 dark:bg-amber-950 dark:text-amber-200">
            {`Order: ${orderSummary(latest.entities.order)} — confirm?`}
          </span>
        )}
        <span className="text-[10px] text-zinc-500">{STATE_LABELS[data.qualification_state]}</span>
        {data.deals.length > 0 && (
          <span className="rounded bg-emerald-50 px-1 text-[10px] text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
            {data.deals.length === 1 ? "1 deal" : `${data.deals.length} deals`}
          </span>
        )}
        <span className="ml-auto inline-flex items-center gap-1">
          <label>
            <span className="sr-only">AI mode</span>
            <select
              value={data.mode}
              disabled={update.isPending}
              onChange={(event) => {
                const mode = AI_MODES.find((m) => m === event.target.value);
                if (mode) update.mutate({ kind: "mode", mode });
              }}
              className="h-6 rounded-md border border-zinc-200 bg-white px-1 text-[11px] dark:border-zinc-800 dark:bg-zinc-900"
            >
              {AI_MODES.map((mode) => <option key={mode} value={mode}>{MODE_LABELS[mode]}</option>)}
            </select>
          </label>
          {data.mode !== "off" && (
            <AiLeaseControl
              lease={data.lease}
              isBusy={update.isPending}
              onTakeOver={() => update.mutate({ kind: "takeover" })}
              onResume={() => update.mutate({ kind: "resume" })}
            />
          )}
        </span>
      </section>
      {isOpen && (
        <AiDetails
          imoId={imoId}
          panel={data}
          isBusy={update.isPending}
          onQualify={(state) => update.mutate({ kind: "qualification", state })}
          onInsert={onInsert}
        />
      )}
      {data.draft && (
        <AiDraftCard
          imoId={imoId}
          conversationId={conversationId}
          draft={data.draft}
          disabledReason={disabledReason}
        />
      )}
    </div>
  );
}
