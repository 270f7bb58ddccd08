import * as DropdownMenuPrimitive from "@radix-ui/react-dropdown-menu";
import { Check, UserRound } from "lucide-react";
import { type InboxMember, memberName } from "@/features/messages/utils/inbox-people.ts";

const ITEM =
  "flex h-7 cursor-default items-center gap-1.5 rounded px-2 text-xs outline-none select-none data-highlighted:bg-zinc-100 dark:data-highlighted:bg-zinc-800";

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
    <DropdownMenuPrimitive.Root>
      <DropdownMenuPrimitive.Trigger className="inline-flex h-6 items-center gap-1 rounded-md border border-zinc-200 px-1.5 text-[11px] font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-800 dark:text-zinc-300 dark:hover:bg-zinc-800">
        <UserRound className="size-3" aria-hidden="true" />
        <span className="max-w-32 truncate">{label}</span>
      </DropdownMenuPrimitive.Trigger>
      <DropdownMenuPrimitive.Portal>
        <DropdownMenuPrimitive.Content
          aria-label="Assign conversation"
          align="end"
          sideOffset={4}
          className="z-50 min-w-44 rounded-md border border-zinc-200 bg-white p-1 text-zinc-900 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
        >
          {me && (
            <DropdownMenuPrimitive.Item className={ITEM} onSelect={() => onAssign(viewerId)}>
              <Mark isOn={assigneeId === viewerId} />
              Me
            </DropdownMenuPrimitive.Item>
          )}
          {others.map((member) => (
            <DropdownMenuPrimitive.Item
              key={member.user_id}
              className={ITEM}
              onSelect={() => onAssign(member.user_id)}
            >
              <Mark isOn={assigneeId === member.user_id} />
              {memberName(member)}
            </DropdownMenuPrimitive.Item>
          ))}
          <DropdownMenuPrimitive.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <DropdownMenuPrimitive.Item
            className={ITEM}
            disabled={!assigneeId}
            onSelect={() => onAssign(null)}
          >
            <Mark isOn={false} />
            Unassign
          </DropdownMenuPrimitive.Item>
        </DropdownMenuPrimitive.Content>
      </DropdownMenuPrimitive.Portal>
    </DropdownMenuPrimitive.Root>
  );
}

function Mark({ isOn }: { isOn: boolean }) {
  return <Check aria-hidden="true" className={`size-3 ${isOn ? "" : "invisible"}`} />;
}
