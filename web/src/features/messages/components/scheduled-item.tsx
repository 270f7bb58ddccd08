import type { ScheduledMessage } from "@dm-desk/shared/schemas/scheduled-message";
import { BellRing, CalendarClock, FileText, MessageCircleReply, Undo2 } from "lucide-react";
import type { ReactNode } from "react";
import { formatScheduleTime } from "@/features/messages/utils/schedule-time.ts";
import { scheduledOutcome } from "@/features/messages/utils/scheduled-status.ts";

const OUTCOME_TONE = {
  ok: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  bad: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
  off: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400",
} as const;

const SMALL_BUTTON =
  "inline-flex h-5 items-center rounded px-1.5 text-[11px] font-medium text-zinc-700 hover:bg-zinc-200 disabled:opacity-50 dark:text-zinc-300 dark:hover:bg-zinc-800";

type ScheduledItemProps = {
  item: ScheduledMessage;
  now: Date;
  /** the viewer wrote it, or is an owner or admin */
  canManage: boolean;
  isCancelling: boolean;
  nameOf: (userId: string) => string | null;
  onReschedule: () => void;
  onCancel: () => void;
};

/** One scheduled message: when, with which options, and what became of it. */
export function ScheduledItem(props: ScheduledItemProps) {
  const { item, now } = props;
  const outcome = scheduledOutcome(item, props.nameOf);
  const isSending = item.status === "pending" &&
    (item.sent_message_id !== null ||
      (item.lease_until !== null && Date.parse(item.lease_until) > now.getTime()));
  const when = item.scheduled_for
    ? formatScheduleTime(item.scheduled_for, now)
    : "When they next write";
  const author = item.origin === "auto_reminder"
    ? "Priority reminder"
    : item.created_by
    ? props.nameOf(item.created_by)
    : null;
  return (
    <li
      aria-label={`${outcome?.label ?? "Scheduled"}: ${when}`}
      className="space-y-0.5 px-2 py-1.5"
    >
      <div className="flex flex-wrap items-center gap-1 text-[11px]">
        {item.scheduled_for
          ? <CalendarClock className="size-3 text-zinc-500" aria-hidden="true" />
          : <MessageCircleReply className="size-3 text-zinc-500" aria-hidden="true" />}
        <span className="font-medium text-zinc-800 dark:text-zinc-200">{when}</span>
        {outcome && (
          <span className={`rounded px-1 text-[10px] font-medium ${OUTCOME_TONE[outcome.tone]}`}>
            {outcome.label}
          </span>
        )}
        {isSending && (
          <span className="text-[10px] text-indigo-600 dark:text-indigo-400">Sending…</span>
        )}
        {item.status === "pending" && item.cancel_if_reply && (
          <Tag icon={<Undo2 className="size-2.5" aria-hidden="true" />}>
            Cancelled if they reply first
          </Tag>
        )}
        {item.template_id && (
          <Tag icon={<FileText className="size-2.5" aria-hidden="true" />}>Template</Tag>
        )}
        {item.origin === "auto_reminder" && (
          <Tag icon={<BellRing className="size-2.5" aria-hidden="true" />}>Reminder</Tag>
        )}
        {author && <span className="text-[10px] text-zinc-500">· {author}</span>}
      </div>
      <p className="line-clamp-2 text-[11px] break-words whitespace-pre-wrap text-zinc-600 dark:text-zinc-400">
        {item.text}
      </p>
      {outcome?.reason && (
        <p className="text-[10px] text-zinc-500 dark:text-zinc-400">{outcome.reason}</p>
      )}
      {item.status === "pending" && props.canManage && !isSending && (
        <div className="flex gap-1 pt-0.5">
          <button type="button" className={SMALL_BUTTON} onClick={props.onReschedule}>
            Reschedule
          </button>
          <button
            type="button"
            className={SMALL_BUTTON}
            disabled={props.isCancelling}
            onClick={props.onCancel}
          >
            {props.isCancelling ? "Cancelling…" : "Cancel"}
          </button>
        </div>
      )}
    </li>
  );
}

function Tag({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-0.5 rounded bg-zinc-100 px-1 text-[10px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">
      {icon}
      {children}
    </span>
  );
}
