import type { Member } from "@dm-desk/shared/contracts/workspaces";
import { toast } from "sonner";
import { AlertDialog } from "@/components/ui/alert-dialog.tsx";
import { useRemoveMember } from "@/features/members/api/remove-member.ts";

type RemoveMemberDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  imoId: string;
  member: Member;
  isYou: boolean;
};

export function RemoveMemberDialog(
  { open, onOpenChange, imoId, member, isYou }: RemoveMemberDialogProps,
) {
  const name = member.display_name ?? member.email;
  const remove = useRemoveMember({
    onSuccess: () => {
      onOpenChange(false);
      toast.success(isYou ? "You left the workspace" : `${name} was removed`);
    },
  });

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) remove.reset();
        onOpenChange(next);
      }}
      title={isYou ? "Leave this workspace?" : `Remove ${name}?`}
      confirmLabel={isYou ? "Leave" : "Remove"}
      pendingLabel={isYou ? "Leaving…" : "Removing…"}
      isPending={remove.isPending}
      error={remove.error ? `Couldn't remove: ${remove.error.message}` : undefined}
      onConfirm={() => remove.mutate({ imoId, userId: member.user_id })}
    >
      <p>
        {isYou
          ? "You lose access to its inbox at once. Someone will have to invite you to come back."
          : `${member.email} loses access to this workspace's inbox at once. You can invite them again later.`}
      </p>
    </AlertDialog>
  );
}
