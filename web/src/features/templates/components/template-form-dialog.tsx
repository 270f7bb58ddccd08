import { MAX_MESSAGE_BYTES, messageTextBytes } from "@dm-desk/shared/rules/message-text";
import { TEMPLATE_VARIABLES } from "@dm-desk/shared/rules/template-variables";
import type { MessageTemplate } from "@dm-desk/shared/schemas/message-template";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Dialog } from "@/components/ui/dialog.tsx";
import { FormField } from "@/components/ui/form-field.tsx";
import { Select } from "@/components/ui/select.tsx";
import { useCreateTemplate } from "@/features/templates/api/create-template.ts";
import { useUpdateTemplate } from "@/features/templates/api/update-template.ts";
import {
  CATEGORY_OPTIONS,
  checkTemplateFields,
  MAX_NAME_LENGTH,
  placeServerError,
  type TemplateFieldErrors,
  type TemplateFields,
} from "@/features/templates/utils/template-fields.ts";
import type { AppError } from "@/lib/errors.ts";

type TemplateFormDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  imoId: string;
  /** the template to edit; none for a new one */
  template: MessageTemplate | null;
};

/** New template or Edit template: name, category and text, refused beside the field at fault. */
export function TemplateFormDialog(
  { open, onOpenChange, imoId, template }: TemplateFormDialogProps,
) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={template ? "Edit template" : "New template"}
      description="Your team inserts it from the Templates menu in a conversation; comment rules and reminders can send it."
    >
      {/* mounted while open only: each opening starts from the template as stored */}
      <TemplateForm imoId={imoId} template={template} onDone={() => onOpenChange(false)} />
    </Dialog>
  );
}

const VARIABLES = TEMPLATE_VARIABLES.map((name) => `{{${name}}}`);

function TemplateForm(
  { imoId, template, onDone }: {
    imoId: string;
    template: MessageTemplate | null;
    onDone: () => void;
  },
) {
  const [fields, setFields] = useState<TemplateFields>({
    name: template?.name ?? "",
    content: template?.content ?? "",
    category: template?.category ?? "greeting",
  });
  const [errors, setErrors] = useState<TemplateFieldErrors>({});
  const [general, setGeneral] = useState<string>();
  const handlers = {
    onSuccess: (saved: MessageTemplate) => {
      toast.success(template ? `Saved “${saved.name}”` : `Created “${saved.name}”`);
      onDone();
    },
  };
  const create = useCreateTemplate(handlers);
  const update = useUpdateTemplate(handlers);
  const isPending = create.isPending || update.isPending;
  const contentId = useId();
  const bytes = messageTextBytes(fields.content);

  function change<Key extends keyof TemplateFields>(key: Key, value: TemplateFields[Key]) {
    setFields((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
    setGeneral(undefined);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkTemplateFields(fields);
    setErrors(found);
    setGeneral(undefined);
    if (Object.values(found).some(Boolean)) return;
    const onError = (error: AppError) => {
      const placed = placeServerError(error);
      setErrors(placed.fields);
      setGeneral(placed.general && `Couldn't save: ${placed.general}`);
    };
    const values = { ...fields, name: fields.name.trim() };
    if (template) update.mutate({ id: template.id, ...values }, { onError });
    else create.mutate({ imo_id: imoId, ...values }, { onError });
  }

  return (
    <form noValidate aria-label="Template" onSubmit={handleSubmit} className="space-y-4">
      <FormField
        label="Name"
        name="name"
        autoComplete="off"
        maxLength={MAX_NAME_LENGTH}
        placeholder="Warm welcome"
        value={fields.name}
        error={errors.name}
        onChange={(event) => change("name", event.target.value)}
      />
      <Select
        label="Category"
        value={fields.category}
        options={CATEGORY_OPTIONS}
        onValueChange={(value) => change("category", value)}
      />
      <div className="space-y-1.5">
        <label
          htmlFor={contentId}
          className="block text-sm font-medium text-neutral-700 dark:text-zinc-200"
        >
          Text
        </label>
        <textarea
          id={contentId}
          name="content"
          rows={6}
          value={fields.content}
          placeholder="Hi {{first_name}}, thanks for reaching out!"
          aria-invalid={errors.content ? true : undefined}
          aria-describedby={`${contentId}-hint${errors.content ? ` ${contentId}-error` : ""}`}
          onChange={(event) => change("content", event.target.value)}
          className="block w-full resize-y rounded-md border border-neutral-300 dark:border-zinc-700 bg-white dark:bg-zinc-900 px-3 py-2 text-sm text-neutral-900 dark:text-zinc-50 shadow-xs placeholder:text-neutral-400 dark:placeholder:text-zinc-500 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none aria-invalid:border-red-500 aria-invalid:focus:ring-red-500/20"
        />
        {errors.content && (
          <p id={`${contentId}-error`} className="text-sm text-red-600 dark:text-red-400">
            {errors.content}
          </p>
        )}
        <p id={`${contentId}-hint`} className="text-xs text-neutral-500 dark:text-zinc-400">
          {`Variables filled in for each contact: ${VARIABLES.join(", ")}. `}
          <span
            className={bytes > MAX_MESSAGE_BYTES
              ? "font-semibold text-red-600 dark:text-red-400"
              : ""}
          >
            {`${bytes}/${MAX_MESSAGE_BYTES} bytes`}
          </span>
        </p>
      </div>
      {general && <Alert>{general}</Alert>}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" disabled={isPending} onClick={onDone}>Cancel</Button>
        <Button type="submit" isPending={isPending} pendingLabel="Saving…">
          {template ? "Save" : "Create template"}
        </Button>
      </div>
    </form>
  );
}
