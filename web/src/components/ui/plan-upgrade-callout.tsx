import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { Link } from "react-router";
import { paths } from "@/config/paths.ts";

type PlanUpgradeCalloutProps = {
  workspace: Pick<MyWorkspace, "plan_name" | "role">;
  /** "Instagram messaging is part of the Team plan" */
  title: string;
  /** what upgrading gives, said to the owner, who can do it */
  ownerAction: string;
  /** the same, said to everyone else, who must ask the owner */
  memberAction: string;
};

// A feature the plan lacks: where the workspace stands, and the way to Settings › Plan.
export function PlanUpgradeCallout(
  { workspace, title, ownerAction, memberAction }: PlanUpgradeCalloutProps,
) {
  const current = workspace.plan_name
    ? `This workspace is on the ${workspace.plan_name} plan.`
    : "This workspace has no plan yet.";
  const next = workspace.role === "owner" ? ownerAction : memberAction;

  return (
    <div className="rounded-lg border border-indigo-200 dark:border-indigo-900 bg-indigo-50 dark:bg-indigo-950/60 px-4 py-3 text-sm text-indigo-900 dark:text-indigo-300">
      <p className="font-semibold">{title}</p>
      <p className="mt-0.5 text-indigo-800 dark:text-indigo-300">{`${current} ${next}`}</p>
      <Link
        to={paths.app.settingsPlan.getHref()}
        className="mt-2 inline-flex font-semibold text-indigo-700 dark:text-indigo-300 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        {workspace.role === "owner" ? "Compare plans and upgrade" : "Compare plans"}
      </Link>
    </div>
  );
}
