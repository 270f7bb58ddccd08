import type { InboxConversation } from "@dm-desk/shared/contracts/inbox-conversations";
import { Archive, ArchiveRestore } from "lucide-react";
import { toast } from "sonner";
import { COMPACT_BUTTON } from "@/components/ui/compact-menu.tsx";
import { useTriageConversation } from "@/features/messages/api/triage-conversation.ts";

const UNDO_WINDOW_MS = 10_000;

type ArchiveButtonProps = {
  imoId: string;
  conversation: Pick<InboxConversation, "id" | "archived_at">;
};

/**
 * Archive takes the conversation out of the inbox (the "Archived" filter shows it; the contact
 * writing again brings it back); the toast offers to undo it.
 */
export function ArchiveButton({ imoId, conversation }: ArchiveButtonProps) {
  const triage = useTriageConversation(imoId);
  const isArchived = Boolean(conversation.archived_at);
  const setArchived = (archived: boolean) =>
    triage.mutate({ action: "archive", conversation_id: conversation.id, archived }, {
      onSuccess: () => {
        if (!archived) return;
        toast.success("Conversation archived", {
          // sonner's 4 s default is gone before a busy recruiter reaches Undo
          duration: UNDO_WINDOW_MS,
          action: { label: "Undo", onClick: () => setArchived(false) },
        });
      },
    });
  return (
    <button
      type="button"
      disabled={triage.isPending}
      onClick={() => setArchived(!isArchived)}
      className={COMPACT_BUTTON}
    >
      {isArchived
        ? <ArchiveRestore className="size-3" aria-hidden="true" />
        : <Archive className="size-3" aria-hidden="true" />}
      {isArchived ? "Unarchive" : "Archive"}
    </button>
  );
}
