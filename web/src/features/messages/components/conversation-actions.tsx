import type { InboxConversation } from "@dm-desk/shared/contracts/inbox-conversations";
import { Star } from "lucide-react";
import type { ReactNode } from "react";
import { COMPACT_BUTTON } from "@/components/ui/compact-menu.tsx";
import type { TriageConversationInput } from "@/features/messages/api/triage-conversation.ts";
import { ArchiveButton } from "@/features/messages/components/archive-button.tsx";
import { AssignMenu } from "@/features/messages/components/assign-menu.tsx";
import type { InboxMember } from "@/features/messages/utils/inbox-people.ts";

type ConversationActionsProps = {
  imoId: string;
  conversation: InboxConversation;
  members: InboxMember[];
  viewerId: string;
  onTriage: (input: TriageConversationInput) => void;
  /** the channel's own actions after the shared ones: the lead, templates, scheduling */
  children?: ReactNode;
};

/** The triage every channel's conversation has: priority, assignment and archive. */
export function ConversationActions(
  { imoId, conversation, members, viewerId, onTriage, children }: ConversationActionsProps,
) {
  return (
    <div
      role="toolbar"
      aria-label="Conversation actions"
      className="flex flex-wrap items-center gap-1 border-b border-zinc-200 px-2 py-1 dark:border-zinc-800"
    >
      <button
        type="button"
        aria-pressed={conversation.is_priority}
        onClick={() =>
          onTriage({
            action: "set_priority",
            conversation_id: conversation.id,
            is_priority: !conversation.is_priority,
          })}
        className={COMPACT_BUTTON}
      >
        <Star
          aria-hidden="true"
          className={`size-3 ${conversation.is_priority ? "fill-amber-400 text-amber-400" : ""}`}
        />
        Priority
      </button>
      <AssignMenu
        assigneeId={conversation.assignee?.user_id ?? null}
        assigneeName={conversation.assignee?.display_name ?? null}
        members={members}
        viewerId={viewerId}
        onAssign={(userId) =>
          onTriage({ action: "assign", conversation_id: conversation.id, user_id: userId })}
      />
      <ArchiveButton imoId={imoId} conversation={conversation} />
      {children}
    </div>
  );
}
