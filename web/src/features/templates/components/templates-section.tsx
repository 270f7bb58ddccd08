import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import type { MessageTemplate } from "@dm-desk/shared/schemas/message-template";
import { FileText, Plus } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import { EmptyState } from "@/components/ui/empty-state.tsx";
import { LoadError } from "@/components/ui/load-error.tsx";
import { PlanUpgradeCallout } from "@/components/ui/plan-upgrade-callout.tsx";
import { useTemplates } from "@/features/templates/api/get-templates.ts";
import { DeleteTemplateDialog } from "@/features/templates/components/delete-template-dialog.tsx";
import { TemplateFormDialog } from "@/features/templates/components/template-form-dialog.tsx";
import { TemplateRow } from "@/features/templates/components/template-row.tsx";

type TemplatesSectionProps = {
  workspace: Pick<MyWorkspace, "imo_id" | "role" | "plan_name" | "features">;
};

/**
 * Settings › Templates: every member reads the IMO's templates; owners and admins create, edit and
 * delete them (the server and RLS say the same), on a plan with templates.
 */
export function TemplatesSection({ workspace }: TemplatesSectionProps) {
  const planAllows = workspace.features.instagram_templates === true;
  const canEdit = planAllows && (workspace.role === "owner" || workspace.role === "admin");
  // the dialogs keep their template while they close, so their titles do not change under them
  const [form, setForm] = useState<{ open: boolean; template: MessageTemplate | null }>({
    open: false,
    template: null,
  });
  const [deleting, setDeleting] = useState<{ open: boolean; template: MessageTemplate | null }>({
    open: false,
    template: null,
  });
  const newButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const openNew = () => setForm({ open: true, template: null });

  return (
    <section aria-labelledby="templates-heading" className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2
            id="templates-heading"
            ref={heading}
            tabIndex={-1}
            className="text-base font-semibold text-neutral-900 focus:outline-none dark:text-zinc-50"
          >
            Message templates
          </h2>
          <p className="mt-1 text-sm text-neutral-500 dark:text-zinc-400">
            Ready replies your team inserts in a conversation, and that keyword rules and reminders
            send. Variables such as {"{{first_name}}"} are filled in for each contact.
          </p>
        </div>
        {canEdit && (
          <Button ref={newButton} onClick={openNew}>
            <Plus className="size-4" aria-hidden="true" />
            New template
          </Button>
        )}
      </div>
      {planAllows
        ? (
          <TemplatesBody
            imoId={workspace.imo_id}
            canEdit={canEdit}
            onNew={openNew}
            onEdit={(template) => setForm({ open: true, template })}
            onDelete={(template) => setDeleting({ open: true, template })}
          />
        )
        : (
          <PlanUpgradeCallout
            workspace={workspace}
            title="Message templates are part of the Pro and Team plans"
            ownerAction="Upgrade to write templates your team inserts in one click."
            memberAction="Ask the workspace owner to upgrade to use message templates."
          />
        )}
      {planAllows && !canEdit && (
        <p className="text-sm text-neutral-500 dark:text-zinc-400">
          Only owners and admins create and change templates.
        </p>
      )}
      {canEdit && (
        <>
          <TemplateFormDialog
            open={form.open}
            onOpenChange={(open) => setForm((current) => ({ ...current, open }))}
            imoId={workspace.imo_id}
            template={form.template}
          />
          <DeleteTemplateDialog
            open={deleting.open}
            onOpenChange={(open) => setDeleting((current) => ({ ...current, open }))}
            imoId={workspace.imo_id}
            template={deleting.template}
            // the deleted template's menu button is gone: New template, not the page, gets the focus
            fallbackFocus={() => newButton.current ?? heading.current}
          />
        </>
      )}
    </section>
  );
}

type TemplatesBodyProps = {
  imoId: string;
  canEdit: boolean;
  onNew: () => void;
  onEdit: (template: MessageTemplate) => void;
  onDelete: (template: MessageTemplate) => void;
};

function TemplatesBody({ imoId, canEdit, onNew, onEdit, onDelete }: TemplatesBodyProps) {
  const templates = useTemplates(imoId, true);

  if (templates.status === "pending") return <TemplatesSkeleton />;
  if (templates.status === "error") {
    return (
      <LoadError
        message={`Couldn't load the templates: ${templates.error.message}`}
        isRetrying={templates.isRefetching}
        onRetry={() => void templates.refetch()}
      />
    );
  }
  if (templates.data.length === 0) {
    return (
      <div className="flex rounded-lg border border-dashed border-neutral-300 dark:border-zinc-700">
        <EmptyState
          icon={<FileText className="size-5" aria-hidden="true" />}
          title="No templates yet"
          description={canEdit
            ? "Write the replies your team sends most, once, and insert them from any conversation."
            : "Owners and admins write them; they appear here and in the Templates menu of a conversation."}
          action={canEdit && (
            <Button variant="secondary" onClick={onNew}>Write the first one</Button>
          )}
        />
      </div>
    );
  }
  return (
    <ul
      aria-label="Templates"
      className="divide-y divide-neutral-100 dark:divide-zinc-800 rounded-lg border border-neutral-200 dark:border-zinc-800"
    >
      {templates.data.map((template) => (
        <TemplateRow
          key={template.id}
          template={template}
          actions={canEdit
            ? { onEdit: () => onEdit(template), onDelete: () => onDelete(template) }
            : undefined}
        />
      ))}
    </ul>
  );
}

function TemplatesSkeleton() {
  return (
    <div
      aria-busy="true"
      className="divide-y divide-neutral-100 dark:divide-zinc-800 rounded-lg border border-neutral-200 dark:border-zinc-800"
    >
      <span className="sr-only">Loading templates…</span>
      {[0, 1, 2].map((row) => (
        <div key={row} className="animate-pulse space-y-2 px-4 py-3">
          <div className="h-3 w-40 rounded bg-neutral-200 dark:bg-zinc-700" />
          <div className="h-2.5 w-72 max-w-full rounded bg-neutral-100 dark:bg-zinc-800" />
        </div>
      ))}
    </div>
  );
}
