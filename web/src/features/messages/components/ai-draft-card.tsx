import type { AiDraft } from "@dm-desk/shared/contracts/ai-assistant";
import { Check, Pencil, Sparkles, X } from "lucide-react";
import { useState } from "react";
import { COMPACT_BUTTON } from "@/components/ui/compact-menu.tsx";
import { useDecideAiDraft } from "@/features/messages/api/decide-ai-draft.ts";

// COMPACT_BUTTON's colours would compete with these by stylesheet order: a whole class set instead
const PRIMARY_COMPACT_BUTTON =
  "inline-flex h-6 items-center gap-1 rounded-md bg-indigo-600 px-1.5 text-[11px] font-medium text-white hover:bg-indigo-500 disabled:opacity-50";

type AiDraftCardProps = {
  imoId: string;
  conversationId: string;
  draft: AiDraft;
  /** why it cannot be sent now (the window closed...), or undefined */
  disabledReason?: string;
};

/**
 * The AI's draft above the composer (seed 000's "Approve or edit"): send it as written, change
 * it first, or discard it. What is sent says so in the thread ("AI, approved by you").
 */
export function AiDraftCard({ imoId, conversationId, draft, disabledReason }: AiDraftCardProps) {
  const decide = useDecideAiDraft(imoId, conversationId);
  const [editing, setEditing] = useState<string | null>(null);
  const isBusy = decide.isPending;
  const text = editing ?? draft.text;
  const isUnchanged = editing === null || editing === draft.text;

  return (
    <section
      aria-label="AI draft"
      className="mx-2 mb-1 rounded-md border border-indigo-200 bg-indigo-50/60 p-1.5 dark:border-indigo-900 dark:bg-indigo-950/40"
    >
      <p className="mb-1 flex items-center gap-1 text-[10px] font-medium text-indigo-700 dark:text-indigo-300">
        <Sparkles className="size-3" aria-hidden="true" />
        AI draft
      </p>
      {editing === null
        ? (
          <p className="text-xs whitespace-pre-wrap text-zinc-800 dark:text-zinc-100">
            {draft.text}
          </p>
        )
        : (
          <label className="block">
            <span className="sr-only">Edit the AI's draft</span>
            <textarea
              value={editing}
              autoFocus
              // the caret after the AI's words, where an edit usually goes
              onFocus={(event) =>
                event.currentTarget.setSelectionRange(
                  event.currentTarget.value.length,
                  event.currentTarget.value.length,
                )}
              rows={3}
              onChange={(event) => setEditing(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Escape") setEditing(null);
              }}
              className="block w-full resize-y rounded-md border border-zinc-200 bg-white px-2 py-1 text-xs text-zinc-900 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
            />
          </label>
        )}
      <div className="mt-1 flex flex-wrap items-center gap-1">
        <button
          type="button"
          disabled={isBusy || Boolean(disabledReason) || !text.trim()}
          title={disabledReason}
          onClick={() =>
            decide.mutate(
              { kind: "approve", draftId: draft.id, ...(isUnchanged ? {} : { text }) },
              { onSuccess: () => setEditing(null) },
            )}
          className={PRIMARY_COMPACT_BUTTON}
        >
          <Check className="size-3" aria-hidden="true" />
          {isUnchanged ? "Approve and send" : "Send edited"}
        </button>
        {editing === null && (
          <button
            type="button"
            disabled={isBusy}
            onClick={() => setEditing(draft.text)}
            className={COMPACT_BUTTON}
          >
            <Pencil className="size-3" aria-hidden="true" />
            Edit
          </button>
        )}
        <button
          type="button"
          disabled={isBusy}
          onClick={() => decide.mutate({ kind: "discard", draftId: draft.id })}
          className={COMPACT_BUTTON}
        >
          <X className="size-3" aria-hidden="true" />
          Discard
        </button>
        {disabledReason && <span className="text-[10px] text-zinc-500">{disabledReason}</span>}
      </div>
    </section>
  );
}
