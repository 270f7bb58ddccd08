import { FileText, X } from "lucide-react";
import { useId } from "react";
import { COMPACT_BUTTON } from "@/components/ui/compact-menu.tsx";
import { useTemplates } from "@/features/templates/api/get-templates.ts";
import { ByteCounter } from "@/features/messages/components/byte-counter.tsx";
import {
  SCHEDULE_HINT,
  SCHEDULE_INPUT,
  SCHEDULE_LABEL,
  SCHEDULE_PROBLEM,
} from "@/features/messages/components/schedule-fields.ts";
import { TemplateMenu } from "@/features/messages/components/template-menu.tsx";

type ScheduleTextFieldProps = {
  imoId: string;
  conversationId: string;
  text: string;
  templateId: string | null;
  /** a template may be picked (the plan has templates; a reschedule keeps or replaces its text) */
  canPickTemplate: boolean;
  canUseTemplates: boolean;
  problem: string | null;
  onTextChange: (text: string) => void;
  onTemplatePick: (text: string, templateId: string) => void;
  /** keep the text as it reads now, as plain text */
  onTemplateDrop: () => void;
};

/**
 * The message: typed, or a template. A template's text is what it reads in this conversation now;
 * the server renders it again when it is sent, so later edits to the template (or a contact's new
 * name) are in the message that goes out.
 */
export function ScheduleTextField(props: ScheduleTextFieldProps) {
  const id = useId();
  const templates = useTemplates(props.imoId, props.canUseTemplates && props.templateId !== null);
  const template = props.templateId
    ? templates.data?.find((t) => t.id === props.templateId)
    : undefined;
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={`${id}-text`} className={SCHEDULE_LABEL}>Message</label>
        {props.canPickTemplate && props.canUseTemplates && (
          <TemplateMenu
            imoId={props.imoId}
            conversationId={props.conversationId}
            isDisabled={false}
            onInsert={props.onTemplatePick}
          />
        )}
      </div>
      {props.templateId && (
        <div className="flex items-start gap-1.5 rounded-md bg-zinc-100 px-2 py-1 text-[11px] text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
          <FileText className="mt-0.5 size-3 shrink-0" aria-hidden="true" />
          <p id={`${id}-template`} className="min-w-0 flex-1">
            {`Template “${template?.name ?? "…"}”: filled in again when it is sent, so it reads `}
            as the template and their details stand then.
          </p>
          <button
            type="button"
            onClick={props.onTemplateDrop}
            className={`${COMPACT_BUTTON} h-5 shrink-0`}
          >
            <X className="size-3" aria-hidden="true" />
            Edit as text
          </button>
        </div>
      )}
      <textarea
        id={`${id}-text`}
        value={props.text}
        readOnly={props.templateId !== null}
        rows={4}
        placeholder="Write the message…"
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={`${id}-problem${props.templateId ? ` ${id}-template` : ""}`}
        onChange={(event) => props.onTextChange(event.target.value)}
        className={`${SCHEDULE_INPUT} h-auto min-h-16 resize-y py-1.5 read-only:bg-zinc-50 dark:read-only:bg-zinc-900`}
      />
      <div className="flex items-start justify-between gap-2">
        <p id={`${id}-problem`} role="alert" className={SCHEDULE_PROBLEM}>{props.problem}</p>
        <ByteCounter text={props.text} />
      </div>
      {!props.templateId && !props.problem && (
        <p className={SCHEDULE_HINT}>Sent as written, as an automated message.</p>
      )}
    </div>
  );
}
