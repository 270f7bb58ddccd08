import type { Member } from "@dm-desk/shared/contracts/workspaces";
import type { ImoRole } from "@dm-desk/shared/schemas/enums";
import { Ellipsis } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { AlertDialog } from "@/components/ui/alert-dialog.tsx";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu.tsx";
import { useChangeMemberRole } from "@/features/members/api/change-member-role.ts";
import { RemoveMemberDialog } from "@/features/members/components/remove-member-dialog.tsx";
import { ROLE_NAMES } from "@/features/members/components/role-badge.tsx";
import { assignableRoles } from "@/features/members/utils/member-permissions.ts";

type MemberActionsProps = { imoId: string; member: Member; myRole: ImoRole; isYou: boolean };

// Role changes apply at once (they are easy to undo), except your own: you could not take it
// back. Removal asks first.
export function MemberActions({ imoId, member, myRole, isYou }: MemberActionsProps) {
  const [isRemoving, setIsRemoving] = useState(false);
  const [ownRole, setOwnRole] = useState<ImoRole | null>(null);
  const name = member.display_name ?? member.email;
  const changeRole = useChangeMemberRole({
    onSuccess: ({ role }) => {
      setOwnRole(null);
      toast.success(`${isYou ? "You are" : `${name} is`} now ${ROLE_NAMES[role].toLowerCase()}`);
    },
    onError: (error) => toast.error(`Couldn't change the role: ${error.message}`),
  });
  const roles = assignableRoles(myRole).filter((role) => role !== member.role);

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger
          aria-label={`Actions for ${member.email}`}
          disabled={changeRole.isPending}
          className="flex size-8 shrink-0 items-center justify-center rounded-md text-neutral-500 dark:text-zinc-400 hover:bg-neutral-100 dark:hover:bg-zinc-800 hover:text-neutral-700 dark:hover:text-zinc-200 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-50"
        >
          <Ellipsis className="size-4" aria-hidden="true" />
        </DropdownMenuTrigger>
        <DropdownMenuContent label={`Actions for ${member.email}`}>
          {roles.map((role) => (
            <DropdownMenuItem
              key={role}
              onSelect={() =>
                isYou
                  ? setOwnRole(role)
                  : changeRole.mutate({ imoId, userId: member.user_id, role })}
            >
              {`Make ${ROLE_NAMES[role].toLowerCase()}`}
            </DropdownMenuItem>
          ))}
          {roles.length > 0 && <DropdownMenuSeparator />}
          <DropdownMenuItem tone="danger" onSelect={() => setIsRemoving(true)}>
            {isYou ? "Leave workspace…" : "Remove from workspace…"}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <AlertDialog
        open={ownRole !== null}
        onOpenChange={(open) => {
          if (!open) setOwnRole(null);
        }}
        title={`Make yourself ${ownRole ? ROLE_NAMES[ownRole].toLowerCase() : ""}?`}
        confirmLabel="Change my role"
        pendingLabel="Changing…"
        isPending={changeRole.isPending}
        onConfirm={() => changeRole.mutate({ imoId, userId: member.user_id, role: ownRole! })}
      >
        <p>
          {`You lose at once what you may do as ${
            ROLE_NAMES[member.role].toLowerCase()
          }, and you cannot give it back to yourself: ask another ${
            member.role === "owner" ? "owner" : "owner or admin"
          }.`}
        </p>
      </AlertDialog>
      <RemoveMemberDialog
        open={isRemoving}
        onOpenChange={setIsRemoving}
        imoId={imoId}
        member={member}
        isYou={isYou}
      />
    </>
  );
}
