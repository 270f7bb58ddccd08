import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import type { ReactNode } from "react";
import { SettingsTabs } from "@/components/layouts/settings-tabs.tsx";
import { PageHeader } from "@/components/ui/page-header.tsx";
import { planLabel } from "@/features/workspaces/utils/describe-workspace.ts";

type SettingsPageProps = {
  section: string;
  workspace: Pick<MyWorkspace, "name" | "plan_name">;
  children: ReactNode;
};

// The frame every Settings section shares: header with the workspace and plan, the tabs, and a
// scrolling body.
export function SettingsPage({ section, workspace, children }: SettingsPageProps) {
  return (
    <>
      <title>{`${section} · Settings · DM Desk`}</title>
      <PageHeader title="Settings">
        <p className="truncate text-xs text-neutral-500 dark:text-zinc-400">
          {workspace.name} · {planLabel(workspace)}
        </p>
      </PageHeader>
      <div className="shrink-0 border-b border-neutral-200 dark:border-zinc-800 px-4 pt-3 sm:px-6">
        <SettingsTabs />
      </div>
      <div className="flex-1 overflow-y-auto">
        <div className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-6">{children}</div>
      </div>
    </>
  );
}
