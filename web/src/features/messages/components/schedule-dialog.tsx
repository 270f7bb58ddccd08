import type { ScheduledMessage } from "@dm-desk/shared/schemas/scheduled-message";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { COMPACT_BUTTON } from "@/components/ui/compact-menu.tsx";
import { Dialog } from "@/components/ui/dialog.tsx";
import { Spinner } from "@/components/ui/spinner.tsx";
import { useCreateScheduledMessage } from "@/features/messages/api/create-scheduled-message.ts";
import { useUpdateScheduledMessage } from "@/features/messages/api/update-scheduled-message.ts";
import { ScheduleError } from "@/features/messages/components/schedule-error.tsx";
import { ScheduleTextField } from "@/features/messages/components/schedule-text-field.tsx";
import { ScheduleWhenFields } from "@/features/messages/components/schedule-when-fields.tsx";
import {
  initialDraft,
  type ScheduleDraft,
  textProblem,
  timeProblem,
  toCreateRequest,
  toUpdateChanges,
} from "@/features/messages/utils/schedule-draft.ts";
import { formatScheduleTime } from "@/features/messages/utils/schedule-time.ts";
import { useNow } from "@/hooks/use-now.ts";

type ScheduleDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  imoId: string;
  conversationId: string;
  contactName: string;
  /** end of the conversation's 24-hour window; null before the contact ever wrote */
  replyUntil: string | null;
  canUseTemplates: boolean;
  /** a pending message to reschedule instead of a new one */
  editing?: ScheduledMessage;
};

/** Schedule a message in a conversation, or reschedule one (the same form, prefilled). */
export function ScheduleDialog(props: ScheduleDialogProps) {
  return (
    <Dialog
      isCompact
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={props.editing ? "Reschedule message" : "Schedule a message"}
      description={`To ${props.contactName}. It goes out as an automated message, never after Instagram's 24-hour window.`}
    >
      {/* Radix unmounts the content when closed, so each opening starts from a fresh draft. */}
      <ScheduleForm {...props} onDone={() => props.onOpenChange(false)} />
    </Dialog>
  );
}

function ScheduleForm(props: ScheduleDialogProps & { onDone: () => void }) {
  const { imoId, editing } = props;
  const now = useNow(15_000);
  const replyUntil = props.replyUntil ? new Date(props.replyUntil) : null;
  const [draft, setDraft] = useState<ScheduleDraft>(() =>
    initialDraft({ replyUntil, now, editing })
  );
  const [hasTriedSubmit, setHasTriedSubmit] = useState(false);
  const onSaved = (scheduled: ScheduledMessage) => {
    toast.success(
      scheduled.scheduled_for
        ? `Scheduled for ${formatScheduleTime(scheduled.scheduled_for, new Date())}`
        : "Scheduled for when they next write",
    );
    props.onDone();
  };
  const create = useCreateScheduledMessage(imoId, { onSuccess: onSaved });
  const update = useUpdateScheduledMessage(imoId, { onSuccess: onSaved });
  const mutation = editing ? update : create;

  const whenProblem = timeProblem(draft, { replyUntil, now, editing });
  const contentProblem = textProblem(draft.text);
  const changes = editing ? toUpdateChanges(draft, editing) : null;
  const isUnchanged = changes !== null && Object.keys(changes).length === 0;
  const change = (patch: Partial<ScheduleDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    mutation.reset();
  };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setHasTriedSubmit(true);
    if (whenProblem || contentProblem || mutation.isPending) return;
    if (editing) {
      if (changes && !isUnchanged) update.mutate({ id: editing.id, changes });
      else props.onDone();
      return;
    }
    create.mutate(toCreateRequest(draft, props.conversationId));
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-3">
      <ScheduleWhenFields
        draft={draft}
        onChange={change}
        replyUntil={replyUntil}
        now={now}
        problem={whenProblem}
      />
      <ScheduleTextField
        imoId={imoId}
        conversationId={props.conversationId}
        text={draft.text}
        templateId={draft.templateId}
        canPickTemplate={!editing}
        canUseTemplates={props.canUseTemplates}
        // an empty box is not an error until they try to schedule it
        problem={hasTriedSubmit || draft.text !== "" ? contentProblem : null}
        onTextChange={(text) => change({ text, templateId: null })}
        onTemplatePick={(text, templateId) => change({ text, templateId })}
        onTemplateDrop={() => change({ templateId: null })}
      />
      {mutation.error && (
        <ScheduleError
          error={mutation.error}
          now={now}
          verb={editing ? "saved" : "scheduled"}
        />
      )}
      <div className="flex justify-end gap-1.5">
        <button type="button" onClick={props.onDone} className={`${COMPACT_BUTTON} h-7 px-2`}>
          Cancel
        </button>
        <button
          type="submit"
          disabled={Boolean(whenProblem) || mutation.isPending}
          aria-busy={mutation.isPending || undefined}
          className="inline-flex h-7 items-center gap-1 rounded-md bg-indigo-600 px-2.5 text-xs font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {mutation.isPending && <Spinner className="size-3" />}
          {editing ? "Save" : "Schedule"}
        </button>
      </div>
    </form>
  );
}
