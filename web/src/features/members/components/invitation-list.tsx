import type { Invitation } from "@dm-desk/shared/contracts/workspaces";
import type { ImoRole } from "@dm-desk/shared/schemas/enums";
import { toast } from "sonner";
import { Button } from "@/components/ui/button.tsx";
import { useRevokeInvitation } from "@/features/members/api/revoke-invitation.ts";
import { RoleBadge } from "@/features/members/components/role-badge.tsx";
import { formatExpiry, isExpired } from "@/features/members/utils/format-expiry.ts";
import { canManageMember } from "@/features/members/utils/member-permissions.ts";

type InvitationListProps = { imoId: string; invitations: Invitation[]; myRole: ImoRole };

// Open invitations, expired ones included until someone revokes or replaces them.
export function InvitationList({ imoId, invitations, myRole }: InvitationListProps) {
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold text-neutral-900 dark:text-zinc-50">
        Pending invitations
      </h3>
      {invitations.length === 0
        ? <p className="text-sm text-neutral-500 dark:text-zinc-400">No pending invitations.</p>
        : (
          <ul
            aria-label="Pending invitations"
            className="divide-y divide-neutral-100 dark:divide-zinc-800 rounded-lg border border-neutral-200 dark:border-zinc-800"
          >
            {invitations.map((invitation) => (
              <InvitationRow
                key={invitation.id}
                imoId={imoId}
                invitation={invitation}
                canRevoke={canManageMember(myRole, invitation.role)}
              />
            ))}
          </ul>
        )}
    </div>
  );
}

function InvitationRow(
  { imoId, invitation, canRevoke }: { imoId: string; invitation: Invitation; canRevoke: boolean },
) {
  const revoke = useRevokeInvitation({
    onSuccess: () => toast.success(`The invitation to ${invitation.email} was revoked`),
    onError: (error) => toast.error(`Couldn't revoke: ${error.message}`),
  });
  const expired = isExpired(invitation.expires_at);

  return (
    <li
      aria-label={invitation.email}
      className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3"
    >
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-neutral-900 dark:text-zinc-50">
          {invitation.email}
        </p>
        <p
          className={`text-xs ${
            expired ? "text-amber-700 dark:text-amber-300" : "text-neutral-500 dark:text-zinc-400"
          }`}
        >
          {formatExpiry(invitation.expires_at)}
          {invitation.invited_by_email && ` · invited by ${invitation.invited_by_email}`}
        </p>
      </div>
      <RoleBadge role={invitation.role} />
      {canRevoke && (
        <Button
          variant="dangerOutline"
          size="sm"
          isPending={revoke.isPending}
          pendingLabel="Revoking…"
          aria-label={`Revoke the invitation to ${invitation.email}`}
          onClick={() => revoke.mutate({ imoId, invitationId: invitation.id })}
        >
          Revoke
        </Button>
      )}
    </li>
  );
}
