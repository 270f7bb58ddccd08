import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { Link } from "react-router";
import { paths } from "@/config/paths.ts";

export function PlanUpgradeCallout({ workspace }: { workspace: MyWorkspace }) {
  const current = workspace.plan_name
    ? `This workspace is on the ${workspace.plan_name} plan.`
    : "This workspace has no plan yet.";
  const next = workspace.role === "owner"
    ? "Upgrade to connect Instagram accounts and answer DMs together."
    : "Ask the workspace owner to upgrade to connect Instagram accounts.";

  return (
    <div className="rounded-lg border border-indigo-200 dark:border-indigo-900 bg-indigo-50 dark:bg-indigo-950/60 px-4 py-3 text-sm text-indigo-900 dark:text-indigo-300">
      <p className="font-semibold">Instagram messaging is part of the Team plan</p>
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
