import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { UserPlus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import { LoadError } from "@/components/ui/load-error.tsx";
import { useMembers } from "@/features/members/api/get-members.ts";
import { InvitationList } from "@/features/members/components/invitation-list.tsx";
import { InviteMemberDialog } from "@/features/members/components/invite-member-dialog.tsx";
import { MemberRow } from "@/features/members/components/member-row.tsx";
import { MembersSkeleton } from "@/features/members/components/members-skeleton.tsx";
import { assignableRoles } from "@/features/members/utils/member-permissions.ts";

type MembersSectionProps = {
  workspace: Pick<MyWorkspace, "imo_id" | "role">;
  currentUserId: string | undefined;
};

export function MembersSection({ workspace, currentUserId }: MembersSectionProps) {
  const [isInviting, setIsInviting] = useState(false);
  const canInvite = assignableRoles(workspace.role).length > 0;

  return (
    <section aria-labelledby="members-heading" className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2
            id="members-heading"
            className="text-base font-semibold text-neutral-900 dark:text-zinc-50"
          >
            Members
          </h2>
          <p className="mt-1 text-sm text-neutral-500 dark:text-zinc-400">
            Who works in this workspace, and as what.
          </p>
        </div>
        {canInvite && (
          <Button onClick={() => setIsInviting(true)}>
            <UserPlus className="size-4" aria-hidden="true" />
            Invite member
          </Button>
        )}
      </div>
      <MembersBody workspace={workspace} currentUserId={currentUserId} canInvite={canInvite} />
      {canInvite && (
        <InviteMemberDialog
          open={isInviting}
          onOpenChange={setIsInviting}
          imoId={workspace.imo_id}
          myRole={workspace.role}
        />
      )}
    </section>
  );
}

function MembersBody(
  { workspace, currentUserId, canInvite }: MembersSectionProps & { canInvite: boolean },
) {
  const members = useMembers(workspace.imo_id);

  if (members.status === "pending") return <MembersSkeleton />;
  if (members.status === "error") {
    return (
      <LoadError
        message={`Couldn't load the members: ${members.error.message}`}
        isRetrying={members.isRefetching}
        onRetry={() => members.refetch()}
      />
    );
  }

  return (
    <>
      <ul
        aria-label="Members"
        className="divide-y divide-neutral-100 dark:divide-zinc-800 rounded-lg border border-neutral-200 dark:border-zinc-800"
      >
        {members.data.members.map((member) => (
          <MemberRow
            key={member.user_id}
            imoId={workspace.imo_id}
            member={member}
            myRole={workspace.role}
            isYou={member.user_id === currentUserId}
          />
        ))}
      </ul>
      {canInvite && (
        <InvitationList
          imoId={workspace.imo_id}
          invitations={members.data.invitations}
          myRole={workspace.role}
        />
      )}
    </>
  );
}
