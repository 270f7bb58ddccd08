import type { ScheduledMessage } from "@dm-desk/shared/schemas/scheduled-message";
import { CalendarClock, ChevronDown, ChevronRight } from "lucide-react";
import { useId, useState } from "react";
import { useCancelScheduledMessage } from "@/features/messages/api/cancel-scheduled-message.ts";
import { useScheduledMessages } from "@/features/messages/api/get-scheduled-messages.ts";
import { ScheduleDialog } from "@/features/messages/components/schedule-dialog.tsx";
import { ScheduledItem } from "@/features/messages/components/scheduled-item.tsx";
import { type InboxMember, memberName } from "@/features/messages/utils/inbox-people.ts";
import { formatScheduleTime } from "@/features/messages/utils/schedule-time.ts";

type ScheduledStripProps = {
  imoId: string;
  conversationId: string;
  contactName: string;
  replyUntil: string | null;
  canUseTemplates: boolean;
  members: InboxMember[];
  viewerId: string;
  /** an owner or admin: may change anyone's scheduled messages */
  canManageAll: boolean;
  now: Date;
};

/**
 * The conversation's scheduled messages, folded above the composer: how many are waiting and the
 * next one, opening to each with its options, cancel and reschedule, and what became of the rest.
 * Nothing shows while there are none.
 */
export function ScheduledStrip(props: ScheduledStripProps) {
  const { imoId, conversationId, now } = props;
  const listId = useId();
  const [isExpanded, setIsExpanded] = useState(false);
  const [editing, setEditing] = useState<ScheduledMessage>();
  const scheduled = useScheduledMessages(imoId, conversationId, true);
  const cancel = useCancelScheduledMessage(imoId, conversationId);

  if (scheduled.status === "pending") return null;
  if (scheduled.status === "error") {
    return (
      <p className="flex items-center gap-1 border-t border-zinc-200 px-2 py-1 text-[11px] text-red-600 dark:border-zinc-800 dark:text-red-400">
        {`Couldn't load the scheduled messages: ${scheduled.error.message}`}
        <button
          type="button"
          onClick={() => void scheduled.refetch()}
          className="font-medium underline"
        >
          Retry
        </button>
      </p>
    );
  }
  const items = scheduled.data;
  if (!items.length) return null;

  const names = new Map(props.members.map((m) => [m.user_id, memberName(m)]));
  const nameOf = (userId: string) => userId === props.viewerId ? "you" : names.get(userId) ?? null;
  const pending = items.filter((item) => item.status === "pending");
  const next = pending[0];
  const summary = pending.length
    ? `${pending.length} scheduled · next ${
      next?.scheduled_for ? formatScheduleTime(next.scheduled_for, now) : "when they next write"
    }`
    : `${items.length} earlier scheduled`;

  return (
    <section
      aria-label="Scheduled messages"
      className="border-t border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <button
        type="button"
        aria-expanded={isExpanded}
        aria-controls={listId}
        onClick={() => setIsExpanded(!isExpanded)}
        className="flex h-6 w-full items-center gap-1 px-2 text-left text-[11px] font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        {isExpanded
          ? <ChevronDown className="size-3" aria-hidden="true" />
          : <ChevronRight className="size-3" aria-hidden="true" />}
        <CalendarClock className="size-3" aria-hidden="true" />
        <span className="truncate">{summary}</span>
      </button>
      {isExpanded && (
        <ul
          id={listId}
          className="max-h-48 divide-y divide-zinc-200 overflow-y-auto dark:divide-zinc-800"
        >
          {items.map((item) => (
            <ScheduledItem
              key={item.id}
              item={item}
              now={now}
              canManage={props.canManageAll || item.created_by === props.viewerId}
              isCancelling={cancel.isPending && cancel.variables === item.id}
              nameOf={nameOf}
              onReschedule={() => setEditing(item)}
              onCancel={() => cancel.mutate(item.id)}
            />
          ))}
        </ul>
      )}
      <ScheduleDialog
        open={editing !== undefined}
        onOpenChange={(open) => !open && setEditing(undefined)}
        imoId={imoId}
        conversationId={conversationId}
        contactName={props.contactName}
        replyUntil={props.replyUntil}
        canUseTemplates={props.canUseTemplates}
        editing={editing}
      />
    </section>
  );
}
