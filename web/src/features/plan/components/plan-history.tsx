import type { PlanResponse } from "@dm-desk/shared/contracts/workspaces";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

type PlanHistoryProps = { changes: PlanResponse["changes"]; planNames: Map<string, string> };

// The record of who changed the plan and when (owners and admins see it; recruiters get none).
export function PlanHistory({ changes, planNames }: PlanHistoryProps) {
  if (changes.length === 0) return null;
  const name = (code: string | null) => (code ? planNames.get(code) ?? code : "No plan");
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-neutral-900 dark:text-zinc-50">Recent changes</h3>
      <ul
        aria-label="Recent plan changes"
        className="space-y-1 text-sm text-neutral-600 dark:text-zinc-300"
      >
        {changes.map((change) => (
          <li key={`${change.changed_at}-${change.to_plan_code}`}>
            {`${name(change.from_plan_code)} → ${name(change.to_plan_code)}`}
            <span className="text-neutral-400 dark:text-zinc-500">
              {` · ${change.changed_by_email ?? "a former member"} · ${
                when.format(new Date(change.changed_at))
              }`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
