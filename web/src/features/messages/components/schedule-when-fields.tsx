import { Clock, MessageCircleReply } from "lucide-react";
import { type ReactNode, useId } from "react";
import {
  SCHEDULE_HINT,
  SCHEDULE_INPUT,
  SCHEDULE_LABEL,
  SCHEDULE_PROBLEM,
} from "@/features/messages/components/schedule-fields.ts";
import type { ScheduleDraft } from "@/features/messages/utils/schedule-draft.ts";
import {
  formatScheduleTime,
  formatTimeLeft,
  timeZoneLabel,
} from "@/features/messages/utils/schedule-time.ts";

type ScheduleWhenFieldsProps = {
  draft: ScheduleDraft;
  onChange: (patch: Partial<ScheduleDraft>) => void;
  /** end of the 24-hour window; null before the contact ever wrote */
  replyUntil: Date | null;
  now: Date;
  /** why the chosen time is refused, as the server would refuse it */
  problem: string | null;
};

/** When it goes out: a time inside the window (in the browser's zone), or their next message. */
export function ScheduleWhenFields(
  { draft, onChange, replyUntil, now, problem }: ScheduleWhenFieldsProps,
) {
  const id = useId();
  const isOpen = replyUntil !== null && replyUntil > now;
  const atTime = draft.when === "at_time";
  return (
    <fieldset className="space-y-2">
      <legend className={SCHEDULE_LABEL}>When</legend>
      <div className="grid grid-cols-2 gap-1">
        <Choice
          name={`${id}-when`}
          label="At a time"
          icon={<Clock className="size-3" aria-hidden="true" />}
          isChecked={atTime}
          isDisabled={!isOpen && !atTime}
          onSelect={() => onChange({ when: "at_time" })}
        />
        <Choice
          name={`${id}-when`}
          label="When they next write"
          icon={<MessageCircleReply className="size-3" aria-hidden="true" />}
          isChecked={!atTime}
          onSelect={() => onChange({ when: "next_write" })}
        />
      </div>
      {atTime
        ? (
          <div className="space-y-1.5">
            <div className="grid grid-cols-2 gap-1.5">
              <label className="space-y-0.5">
                <span className={SCHEDULE_LABEL}>Date</span>
                <input
                  type="date"
                  required
                  value={draft.date}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={`${id}-window ${id}-problem`}
                  onChange={(event) => onChange({ date: event.target.value })}
                  className={SCHEDULE_INPUT}
                />
              </label>
              <label className="space-y-0.5">
                <span className={SCHEDULE_LABEL}>Time</span>
                <input
                  type="time"
                  required
                  value={draft.time}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={`${id}-zone ${id}-window ${id}-problem`}
                  onChange={(event) => onChange({ time: event.target.value })}
                  className={SCHEDULE_INPUT}
                />
              </label>
            </div>
            <p id={`${id}-zone`} className={SCHEDULE_HINT}>
              {`Time zone: ${timeZoneLabel(now)}`}
            </p>
            <p id={`${id}-window`} className={SCHEDULE_HINT}>
              {isOpen
                ? `Instagram's 24-hour window closes ${formatScheduleTime(replyUntil, now)} (${
                  formatTimeLeft(replyUntil.getTime() - now.getTime())
                }): it must go out before then.`
                : "Instagram's 24-hour window is closed."}
            </p>
            <p id={`${id}-problem`} role="alert" className={SCHEDULE_PROBLEM}>{problem}</p>
            <label className="flex items-start gap-1.5 text-xs">
              <input
                type="checkbox"
                checked={draft.cancelIfReply}
                onChange={(event) => onChange({ cancelIfReply: event.target.checked })}
                className="mt-0.5 accent-indigo-600"
              />
              <span>
                Cancel if they reply first
                <span className={`block ${SCHEDULE_HINT}`}>
                  A follow-up never lands on top of their own reply.
                </span>
              </span>
            </label>
          </div>
        )
        : (
          <p className={SCHEDULE_HINT}>
            {isOpen
              ? "It goes out right after their next message, whenever that comes."
              : "The 24-hour window is closed: it goes out right after their next message, " +
                "which opens a new window."}
          </p>
        )}
    </fieldset>
  );
}

type ChoiceProps = {
  name: string;
  label: string;
  icon: ReactNode;
  isChecked: boolean;
  isDisabled?: boolean;
  onSelect: () => void;
};

function Choice({ name, label, icon, isChecked, isDisabled, onSelect }: ChoiceProps) {
  return (
    <label
      className={`flex h-7 items-center gap-1.5 rounded-md border px-2 text-xs has-focus-visible:outline-2 has-focus-visible:outline-indigo-600 ${
        isChecked
          ? "border-indigo-500 bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
          : "border-zinc-200 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300"
      } ${isDisabled ? "opacity-50" : "cursor-pointer"}`}
    >
      <input
        type="radio"
        name={name}
        checked={isChecked}
        disabled={isDisabled}
        onChange={onSelect}
        className="sr-only"
      />
      {icon}
      {label}
    </label>
  );
}
