import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import type { PlanResponse } from "@dm-desk/shared/contracts/workspaces";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert.tsx";
import { LoadError } from "@/components/ui/load-error.tsx";
import { useChangePlan } from "@/features/plan/api/change-plan.ts";
import { usePlan } from "@/features/plan/api/get-plan.ts";
import { PlanCard } from "@/features/plan/components/plan-card.tsx";
import { PlanHistory } from "@/features/plan/components/plan-history.tsx";

type PlanSectionProps = { workspace: Pick<MyWorkspace, "imo_id" | "role"> };

export function PlanSection({ workspace }: PlanSectionProps) {
  return (
    <section aria-labelledby="plan-heading" className="space-y-5">
      <div>
        <h2
          id="plan-heading"
          className="text-base font-semibold text-neutral-900 dark:text-zinc-50"
        >
          Plan
        </h2>
        <p className="mt-1 text-sm text-neutral-500 dark:text-zinc-400">
          What each plan unlocks. A change takes effect at once for the whole workspace.
        </p>
      </div>
      <PlanBody workspace={workspace} />
    </section>
  );
}

function PlanBody({ workspace }: PlanSectionProps) {
  const plan = usePlan(workspace.imo_id);

  if (plan.status === "pending") {
    return (
      <div aria-busy="true" className="grid gap-4 sm:grid-cols-3">
        <span className="sr-only">Loading plans…</span>
        {[0, 1, 2].map((card) => (
          <div
            key={card}
            className="h-56 animate-pulse rounded-xl border border-neutral-200 dark:border-zinc-800 bg-neutral-50 dark:bg-zinc-900"
          />
        ))}
      </div>
    );
  }
  if (plan.status === "error") {
    return (
      <LoadError
        message={`Couldn't load the plans: ${plan.error.message}`}
        isRetrying={plan.isRefetching}
        onRetry={() => plan.refetch()}
      />
    );
  }

  return (
    <PlanChoice imoId={workspace.imo_id} isOwner={workspace.role === "owner"} data={plan.data} />
  );
}

function PlanChoice(
  { imoId, isOwner, data }: { imoId: string; isOwner: boolean; data: PlanResponse },
) {
  const names = new Map(data.plans.map((p) => [p.code, p.name]));
  const change = useChangePlan({
    onSuccess: ({ plan_code }) =>
      toast.success(`This workspace is now on ${names.get(plan_code) ?? plan_code}`),
    onError: (error) => toast.error(`Couldn't change the plan: ${error.message}`),
  });
  const currentCode = data.current?.status === "active" || data.current?.status === "trialing"
    ? data.current.plan_code
    : undefined;

  return (
    <div className="space-y-5">
      {isOwner
        ? (
          <Alert tone="info">
            No payment is collected yet: switching plans is free and immediate.
          </Alert>
        )
        : (
          <p className="text-sm text-neutral-500 dark:text-zinc-400">
            Only an owner can change the plan.
          </p>
        )}
      {data.current && !currentCode && (
        <Alert tone="warning">
          {`The ${data.current.plan_name} plan is ${
            data.current.status.replace("_", " ")
          }: its features are off until it is active again.`}
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        {data.plans.map((offered) => (
          <PlanCard
            key={offered.code}
            plan={offered}
            isCurrent={offered.code === currentCode}
            canChange={isOwner}
            isChanging={change.isPending}
            onChoose={() => change.mutate({ imoId, planCode: offered.code })}
          />
        ))}
      </div>
      <PlanHistory changes={data.changes} planNames={names} />
    </div>
  );
}
