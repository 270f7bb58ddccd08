import type { Member } from "@dm-desk/shared/contracts/workspaces";
import type { ImoRole } from "@dm-desk/shared/schemas/enums";
import { MemberActions } from "@/features/members/components/member-actions.tsx";
import { RoleBadge } from "@/features/members/components/role-badge.tsx";
import { canManageMember } from "@/features/members/utils/member-permissions.ts";

type MemberRowProps = {
  imoId: string;
  member: Member;
  myRole: ImoRole;
  isYou: boolean;
};

export function MemberRow({ imoId, member, myRole, isYou }: MemberRowProps) {
  const name = member.display_name ?? member.email;
  return (
    <li aria-label={member.email} className="flex items-center gap-3 px-4 py-3">
      <div
        aria-hidden="true"
        className="flex size-8 shrink-0 items-center justify-center rounded-full bg-neutral-700 text-xs font-semibold text-white dark:bg-zinc-600"
      >
        {name.charAt(0).toUpperCase()}
      </div>
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-neutral-900 dark:text-zinc-50">
          {name}
          {isYou && (
            <span className="ml-1 font-normal text-neutral-500 dark:text-zinc-400">(you)</span>
          )}
        </p>
        {member.display_name && (
          <p className="truncate text-xs text-neutral-500 dark:text-zinc-400">{member.email}</p>
        )}
      </div>
      <RoleBadge role={member.role} />
      {canManageMember(myRole, member.role)
        ? <MemberActions imoId={imoId} member={member} myRole={myRole} isYou={isYou} />
        // keeps the badges aligned with rows that have a menu
        : <span aria-hidden="true" className="size-8 shrink-0" />}
    </li>
  );
}
