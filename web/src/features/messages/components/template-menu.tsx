import * as DropdownMenuPrimitive from "@radix-ui/react-dropdown-menu";
import { FileText } from "lucide-react";
import { useRenderTemplate } from "@/features/messages/api/render-template.ts";
import { useTemplates } from "@/features/messages/api/get-templates.ts";

const ITEM =
  "flex cursor-default flex-col rounded px-2 py-1 text-xs outline-none select-none data-highlighted:bg-zinc-100 dark:data-highlighted:bg-zinc-800";

type TemplateMenuProps = {
  imoId: string;
  conversationId: string;
  isDisabled: boolean;
  onInsert: (text: string) => void;
};

/** Quick replies: the server fills the template's variables for this conversation. */
export function TemplateMenu({ imoId, conversationId, isDisabled, onInsert }: TemplateMenuProps) {
  const templates = useTemplates(imoId, true);
  const render = useRenderTemplate({ onRendered: onInsert });
  return (
    <DropdownMenuPrimitive.Root>
      <DropdownMenuPrimitive.Trigger
        disabled={isDisabled || render.isPending}
        className="inline-flex h-6 items-center gap-1 rounded-md border border-zinc-200 px-1.5 text-[11px] font-medium text-zinc-700 hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-800 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <FileText className="size-3" aria-hidden="true" />
        Templates
      </DropdownMenuPrimitive.Trigger>
      <DropdownMenuPrimitive.Portal>
        <DropdownMenuPrimitive.Content
          aria-label="Templates"
          align="end"
          sideOffset={4}
          className="z-50 max-h-72 w-64 overflow-y-auto rounded-md border border-zinc-200 bg-white p-1 text-zinc-900 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
        >
          {templates.status === "pending" && (
            <p className="px-2 py-1 text-[11px] text-zinc-500">Loading…</p>
          )}
          {templates.status === "error" && (
            <p className="px-2 py-1 text-[11px] text-red-600">{templates.error.message}</p>
          )}
          {templates.data?.length === 0 && (
            <p className="px-2 py-1 text-[11px] text-zinc-500">
              No templates yet. Owners and admins write them.
            </p>
          )}
          {templates.data?.map((template) => (
            <DropdownMenuPrimitive.Item
              key={template.id}
              className={ITEM}
              onSelect={() =>
                render.mutate({ template_id: template.id, conversation_id: conversationId })}
            >
              <span className="font-medium">{template.name}</span>
              <span className="line-clamp-2 text-[11px] text-zinc-500">{template.content}</span>
            </DropdownMenuPrimitive.Item>
          ))}
        </DropdownMenuPrimitive.Content>
      </DropdownMenuPrimitive.Portal>
    </DropdownMenuPrimitive.Root>
  );
}
