import { PageHeader } from "@/components/ui/page-header.tsx";
import { AddLeadButton } from "@/features/leads/components/add-lead-button.tsx";
import { LeadsTable } from "@/features/leads/components/leads-table.tsx";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";

export function LeadsRoute() {
  const { workspace } = useCurrentWorkspace();
  // WorkspaceGate renders routes only once a workspace is known.
  if (!workspace) return null;
  return (
    <div className="flex min-h-0 flex-1 flex-col bg-white dark:bg-zinc-950">
      <title>Leads · DM Desk</title>
      <PageHeader title="Leads">
        <AddLeadButton imoId={workspace.imo_id} />
      </PageHeader>
      <LeadsTable key={workspace.imo_id} imoId={workspace.imo_id} />
    </div>
  );
}
