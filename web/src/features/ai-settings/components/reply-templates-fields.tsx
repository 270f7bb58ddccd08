import type { AiSettings } from "@dm-desk/shared/contracts/ai-assistant";
import { INTENT_LABELS } from "@dm-desk/shared/contracts/ai-assistant";
import { ANSWERED_INTENTS, DEFAULT_REPLY_TEMPLATES } from "@dm-desk/shared/rules/ai-reply";
import { FieldProblem, problemProps } from "@/features/ai-settings/components/field-problem.tsx";

type ReplyTemplatesFieldsProps = {
  templates: AiSettings["reply_templates"];
  isDisabled: boolean;
  /** what the settings' rules said, by path ("reply_templates.price") */
  problems: Record<string, string>;
  onChange: (templates: AiSettings["reply_templates"]) => void;
};

/**
 * The offline provider's reply per intent. Empty: the default shown as a placeholder. Variables:
 * {{first_name}}, {{recruiter_name}} and the others of templates, and {{booking_link}}.
 */
export function ReplyTemplatesFields(
  { templates, isDisabled, problems, onChange }: ReplyTemplatesFieldsProps,
) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-neutral-900 dark:text-zinc-50">
        Replies per intent
      </legend>
      <p className="text-xs text-neutral-500 dark:text-zinc-400">
        What the AI drafts (or sends on autopilot) without an LLM. Leave one empty for the default.
      </p>
      {ANSWERED_INTENTS.map((intent) => (
        <label key={intent} className="block">
          <span className="text-xs font-medium text-neutral-700 dark:text-zinc-200">
            {INTENT_LABELS[intent]}
          </span>
          <textarea
            rows={2}
            disabled={isDisabled}
            value={templates[intent] ?? ""}
            placeholder={DEFAULT_REPLY_TEMPLATES[intent]}
            onChange={(event) => {
              const next = { ...templates };
              if (event.target.value.trim()) next[intent] = event.target.value;
              else delete next[intent];
              onChange(next);
            }}
            {...problemProps(`reply_templates.${intent}`, problems[`reply_templates.${intent}`])}
            className="mt-1 block w-full rounded-md border border-neutral-300 dark:border-zinc-700 px-2 py-1.5 text-xs disabled:bg-neutral-50 dark:disabled:bg-zinc-900"
          />
          <FieldProblem
            path={`reply_templates.${intent}`}
            message={problems[`reply_templates.${intent}`]}
          />
        </label>
      ))}
    </fieldset>
  );
}
