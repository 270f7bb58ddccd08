import {
  OPPORTUNITY_CATEGORIES,
  type OpportunityCategory,
} from "@dm-desk/shared/contracts/message-analysis";
import { CATEGORY_LABELS } from "@/features/messages/utils/ai-labels.ts";

type CategoryFilterProps = {
  value: OpportunityCategory | undefined;
  onChange: (category: OpportunityCategory | undefined) => void;
};

/** The inbox filtered to one opportunity category the AI found (candidates, orders, spam...). */
export function CategoryFilter({ value, onChange }: CategoryFilterProps) {
  return (
    <label className="block">
      <span className="sr-only">Category</span>
      <select
        value={value ?? ""}
        onChange={(event) =>
          onChange(
            OPPORTUNITY_CATEGORIES.find((category) => category === event.target.value),
          )}
        className="h-6 w-full rounded-md border border-zinc-200 bg-white px-1.5 text-[11px] text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
      >
        <option value="">All categories</option>
        {OPPORTUNITY_CATEGORIES.map((category) => (
          <option key={category} value={category}>{CATEGORY_LABELS[category]}</option>
        ))}
      </select>
    </label>
  );
}
