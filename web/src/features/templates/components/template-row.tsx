import type { MessageTemplate } from "@dm-desk/shared/schemas/message-template";
import { Ellipsis } from "lucide-react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu.tsx";
import { CATEGORY_LABELS } from "@/features/templates/utils/template-fields.ts";

type TemplateRowProps = {
  template: MessageTemplate;
  /** owners and admins on a plan with templates; without them the row is read-only */
  actions?: { onEdit: () => void; onDelete: () => void };
};

export function TemplateRow({ template, actions }: TemplateRowProps) {
  const uses = template.use_count === 1 ? "Used once" : `Used ${template.use_count} times`;
  return (
    <li aria-label={template.name} className="flex items-start gap-3 px-4 py-3">
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <p className="min-w-0 truncate text-sm font-medium text-neutral-900 dark:text-zinc-50">
            {template.name}
          </p>
          <span className="inline-flex shrink-0 items-center rounded-md bg-neutral-100 dark:bg-zinc-800 px-2 py-0.5 text-xs font-medium text-neutral-700 dark:text-zinc-200 ring-1 ring-neutral-500/20 ring-inset dark:ring-zinc-400/20">
            {CATEGORY_LABELS[template.category]}
          </span>
        </div>
        <p className="line-clamp-3 text-sm break-words whitespace-pre-wrap text-neutral-600 dark:text-zinc-300">
          {template.content}
        </p>
        <p className="text-xs text-neutral-500 dark:text-zinc-400">{uses}</p>
      </div>
      {actions && (
        <DropdownMenu>
          <DropdownMenuTrigger
            aria-label={`Actions for ${template.name}`}
            className="flex size-8 shrink-0 items-center justify-center rounded-md text-neutral-500 dark:text-zinc-400 hover:bg-neutral-100 dark:hover:bg-zinc-800 hover:text-neutral-700 dark:hover:text-zinc-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <Ellipsis className="size-4" aria-hidden="true" />
          </DropdownMenuTrigger>
          <DropdownMenuContent label={`Actions for ${template.name}`}>
            <DropdownMenuItem onSelect={actions.onEdit}>Edit…</DropdownMenuItem>
            <DropdownMenuSeparator />
            <DropdownMenuItem tone="danger" onSelect={actions.onDelete}>Delete…</DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      )}
    </li>
  );
}
