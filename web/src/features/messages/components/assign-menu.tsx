import * as DropdownMenuPrimitive from "@radix-ui/react-dropdown-menu";
import { Check, UserRound } from "lucide-react";
import {
  COMPACT_MENU_ITEM,
  CompactMenu,
  CompactMenuButton,
  CompactMenuItem,
} from "@/components/ui/compact-menu.tsx";
import { type InboxMember, memberName } from "@/features/messages/utils/inbox-people.ts";

const ITEM = `${COMPACT_MENU_ITEM} h-7`;

type AssignMenuProps = {
  assigneeId: string | null;
  assigneeName: string | null;
  members: InboxMember[];
  viewerId: string;
  onAssign: (userId: string | null) => void;
};

/** Who answers this conversation: a member, or nobody yet. */
export function AssignMenu(
  { assigneeId, assigneeName, members, viewerId, onAssign }: AssignMenuProps,
) {
  const others = members.filter((m) => m.user_id !== viewerId);
  const me = members.find((m) => m.user_id === viewerId);
  const label = assigneeId
    ? assigneeId === viewerId ? "Assigned to you" : `Assigned to ${assigneeName ?? "a teammate"}`
    : "Assign";
  return (
    <CompactMenu>
      <CompactMenuButton
        label="Assign conversation"
        trigger={
          <>
            <UserRound className="size-3" aria-hidden="true" />
            <span className="max-w-32 truncate">{label}</span>
          </>
        }
      >
        {me && (
          <CompactMenuItem className={ITEM} onSelect={() => onAssign(viewerId)}>
            <Mark isOn={assigneeId === viewerId} />
            Me
          </CompactMenuItem>
        )}
        {others.map((member) => (
          <CompactMenuItem
            key={member.user_id}
            className={ITEM}
            onSelect={() => onAssign(member.user_id)}
          >
            <Mark isOn={assigneeId === member.user_id} />
            {memberName(member)}
          </CompactMenuItem>
        ))}
        <DropdownMenuPrimitive.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
        <CompactMenuItem className={ITEM} disabled={!assigneeId} onSelect={() => onAssign(null)}>
          <Mark isOn={false} />
          Unassign
        </CompactMenuItem>
      </CompactMenuButton>
    </CompactMenu>
  );
}

function Mark({ isOn }: { isOn: boolean }) {
  return <Check aria-hidden="true" className={`size-3 ${isOn ? "" : "invisible"}`} />;
}
