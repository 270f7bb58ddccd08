import { FileText } from "lucide-react";
import { type RefObject, useRef } from "react";
import {
  COMPACT_MENU_ITEM,
  CompactMenu,
  CompactMenuButton,
  CompactMenuItem,
} from "@/components/ui/compact-menu.tsx";
import { useTemplates } from "@/features/templates/api/get-templates.ts";
import { useRenderTemplate } from "@/features/messages/api/render-template.ts";

type TemplateMenuProps = {
  imoId: string;
  conversationId: string;
  isDisabled: boolean;
  /** the text as it reads in this conversation now, and the template it came from */
  onInsert: (text: string, templateId: string) => void;
  /** the reply box a chosen template is written into: focus goes there, not back to the menu */
  composerRef?: RefObject<HTMLTextAreaElement | null>;
};

/** Quick replies: the server fills the template's variables for this conversation. */
export function TemplateMenu(
  { imoId, conversationId, isDisabled, onInsert, composerRef }: TemplateMenuProps,
) {
  const templates = useTemplates(imoId, true);
  const render = useRenderTemplate({ onRendered: onInsert });
  const chose = useRef(false);
  return (
    <CompactMenu>
      <CompactMenuButton
        label="Templates"
        isDisabled={isDisabled || render.isPending}
        className="max-h-72 w-64 overflow-y-auto"
        onCloseAutoFocus={(event) => {
          if (!chose.current || !composerRef?.current) return;
          chose.current = false;
          event.preventDefault();
          composerRef.current.focus();
        }}
        trigger={
          <>
            <FileText className="size-3" aria-hidden="true" />
            Templates
          </>
        }
      >
        {templates.status === "pending" && (
          <p className="px-2 py-1 text-[11px] text-zinc-500">Loading…</p>
        )}
        {templates.status === "error" && (
          <p className="px-2 py-1 text-[11px] text-red-600 dark:text-red-400">
            {templates.error.message}
          </p>
        )}
        {templates.data?.length === 0 && (
          <p className="px-2 py-1 text-[11px] text-zinc-500">
            No templates yet. Owners and admins write them in Settings › Templates.
          </p>
        )}
        {templates.data?.map((template) => (
          <CompactMenuItem
            key={template.id}
            className={`${COMPACT_MENU_ITEM} flex-col items-start gap-0 py-1`}
            onSelect={() => {
              chose.current = true;
              render.mutate({ template_id: template.id, conversation_id: conversationId });
            }}
          >
            <span className="font-medium">{template.name}</span>
            <span className="line-clamp-2 text-[11px] text-zinc-500">{template.content}</span>
          </CompactMenuItem>
        ))}
      </CompactMenuButton>
    </CompactMenu>
  );
}
