import type { MessageTemplate } from "@dm-desk/shared/schemas/message-template";
import { toast } from "sonner";
import { AlertDialog } from "@/components/ui/alert-dialog.tsx";
import { useDeleteTemplate } from "@/features/templates/api/delete-template.ts";

type DeleteTemplateDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  imoId: string;
  /** the template to delete; kept while the dialog closes */
  template: MessageTemplate | null;
  /** where the focus goes once it is deleted: its row, which opened this, is gone */
  fallbackFocus: () => HTMLElement | null;
};

export function DeleteTemplateDialog(
  { open, onOpenChange, imoId, template, fallbackFocus }: DeleteTemplateDialogProps,
) {
  const remove = useDeleteTemplate({
    onSuccess: () => {
      onOpenChange(false);
      toast.success(`Deleted “${template?.name}”`);
    },
  });

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) remove.reset();
        onOpenChange(next);
      }}
      title={`Delete “${template?.name ?? ""}”?`}
      confirmLabel="Delete"
      pendingLabel="Deleting…"
      isPending={remove.isPending}
      error={remove.error ? `Couldn't delete: ${remove.error.message}` : undefined}
      onConfirm={() => template && remove.mutate({ imoId, id: template.id })}
      fallbackFocus={fallbackFocus}
    >
      <p>
        Nobody can insert it any more, and keyword rules that reply with it stop replying. Messages
        already sent or scheduled with it keep their text.
      </p>
    </AlertDialog>
  );
}
