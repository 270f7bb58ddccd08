import type { OfferedPlan } from "@dm-desk/shared/contracts/workspaces";
import { Check, Minus } from "lucide-react";
import { Button } from "@/components/ui/button.tsx";
import { formatPrice, planFeatureList } from "@/features/plan/utils/plan-features.ts";

type PlanCardProps = {
  plan: OfferedPlan;
  isCurrent: boolean;
  canChange: boolean;
  isChanging: boolean;
  onChoose: () => void;
};

export function PlanCard({ plan, isCurrent, canChange, isChanging, onChoose }: PlanCardProps) {
  return (
    <article
      aria-label={`${plan.name} plan`}
      className={`flex flex-col rounded-xl border p-5 ${
        isCurrent
          ? "border-indigo-300 dark:border-indigo-800 bg-indigo-50/40 ring-1 ring-indigo-300"
          : "border-neutral-200 dark:border-zinc-800"
      }`}
    >
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold text-neutral-900 dark:text-zinc-50">{plan.name}</h3>
        {isCurrent && (
          <span className="rounded-full bg-indigo-600 px-2 py-0.5 text-xs font-medium text-white">
            Current
          </span>
        )}
      </div>
      <p className="mt-1 text-lg font-semibold text-neutral-900 dark:text-zinc-50">
        {formatPrice(plan.monthly_price_cents)}
      </p>
      <ul className="mt-4 flex-1 space-y-2 text-sm">
        {planFeatureList(plan.features).map(({ feature, label, isIncluded }) => (
          <li
            key={feature}
            className={`flex gap-2 ${
              isIncluded
                ? "text-neutral-700 dark:text-zinc-200"
                : "text-neutral-400 dark:text-zinc-500"
            }`}
          >
            {isIncluded
              ? (
                <Check
                  className="mt-0.5 size-4 shrink-0 text-emerald-600 dark:text-emerald-400"
                  aria-hidden="true"
                />
              )
              : <Minus className="mt-0.5 size-4 shrink-0" aria-hidden="true" />}
            <span>
              {label}
              <span className="sr-only">{isIncluded ? " (included)" : " (not included)"}</span>
            </span>
          </li>
        ))}
      </ul>
      {canChange && !isCurrent && (
        <Button
          className="mt-5 w-full"
          variant={plan.monthly_price_cents > 0 ? "primary" : "secondary"}
          disabled={isChanging}
          onClick={onChoose}
        >
          {`Switch to ${plan.name}`}
        </Button>
      )}
    </article>
  );
}
