import type { OpportunityCategory } from "@dm-desk/shared/contracts/message-analysis";
import { CATEGORY_LABELS } from "@/features/messages/utils/ai-labels.ts";

const TONES: Record<OpportunityCategory, string> = {
  candidate: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  client_or_partner: "bg-sky-50 text-sky-700 dark:bg-sky-950 dark:text-sky-300",
  customer_order: "bg-amber-50 text-amber-700 dark:bg-amber-950 dark:text-amber-300",
  support: "bg-violet-50 text-violet-700 dark:bg-violet-950 dark:text-violet-300",
  spam: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
  other: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300",
};

/** The opportunity the AI sees in a conversation, as a small badge. */
export function CategoryBadge({ category }: { category: OpportunityCategory }) {
  return (
    <span
      className={`inline-flex h-4 shrink-0 items-center rounded px-1 text-[10px] font-medium ${
        TONES[category]
      }`}
    >
      {CATEGORY_LABELS[category]}
    </span>
  );
}
