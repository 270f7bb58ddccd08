import { useSession } from "@/features/auth/hooks/use-session.ts";
import { MembersSection } from "@/features/members/components/members-section.tsx";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";
import { SettingsPage } from "@/app/routes/app/settings-page.tsx";

export function SettingsMembersRoute() {
  const { workspace } = useCurrentWorkspace();
  const { session } = useSession();
  if (!workspace) return null;

  return (
    <SettingsPage section="Members" workspace={workspace}>
      <MembersSection
        key={workspace.imo_id}
        workspace={workspace}
        currentUserId={session?.user.id}
      />
    </SettingsPage>
  );
}
