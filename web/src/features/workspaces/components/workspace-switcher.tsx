import * as DropdownMenuPrimitive from "@radix-ui/react-dropdown-menu";
import { useEffect, useRef, useState } from "react";
import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { Check } from "lucide-react";
import { useMediaQuery } from "@/hooks/use-media-query.ts";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";
import {
  planLabel,
  roleLabel,
  workspaceInitial,
} from "@/features/workspaces/utils/describe-workspace.ts";

const TILE =
  "flex size-10 items-center justify-center rounded-lg bg-indigo-600 text-base font-bold text-white";

// Until the workspaces arrive (or when there are none) the rail shows the product's initial.
const PRODUCT_NAME = "DM Desk";

export function WorkspaceSwitcher() {
  const { workspace, workspaces, selectWorkspace } = useCurrentWorkspace();
  const [open, setOpen] = useState(false);

  if (!workspace) return <WorkspaceTile name={PRODUCT_NAME} />;
  if (workspaces.length < 2) {
    return <WorkspaceTile name={workspace.name} detail={planLabel(workspace)} />;
  }
  return (
    <WorkspaceMenu
      current={workspace}
      workspaces={workspaces}
      open={open}
      onOpenChange={setOpen}
      onSelect={(imoId) => {
        selectWorkspace(imoId);
        setOpen(false);
      }}
    />
  );
}

function WorkspaceTile({ name, detail }: { name: string; detail?: string }) {
  return (
    <div title={detail ? `${name} · ${detail}` : name} className={TILE}>
      <span aria-hidden="true">{workspaceInitial(name)}</span>
      <span className="sr-only">{`Workspace: ${name}`}</span>
    </div>
  );
}

type WorkspaceMenuProps = {
  current: MyWorkspace;
  workspaces: MyWorkspace[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSelect: (imoId: string) => void;
};

// Radix's menu: arrow keys, type-ahead, Escape, outside clicks and the focus back on the tile.
function WorkspaceMenu({ current, workspaces, open, onOpenChange, onSelect }: WorkspaceMenuProps) {
  const isWide = useMediaQuery("(min-width: 768px)");
  const contentRef = useRef<HTMLDivElement>(null);
  const focusTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    if (!open) return;
    // on the current workspace, as in a native select, once Radix has focused its menu; a key
    // pressed before then wins (see onKeyDown)
    focusTimer.current = setTimeout(() =>
      contentRef.current?.querySelector<HTMLElement>("[aria-checked='true']")?.focus()
    );
    return () => clearTimeout(focusTimer.current);
  }, [open]);
  return (
    <DropdownMenuPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DropdownMenuPrimitive.Trigger
        title={`${current.name} · ${planLabel(current)}`}
        className={`${TILE} ring-offset-2 ring-offset-neutral-900 hover:ring-2 hover:ring-white/30 focus-visible:ring-2 focus-visible:ring-indigo-400 focus-visible:outline-none`}
      >
        <span aria-hidden="true">{workspaceInitial(current.name)}</span>
        <span className="sr-only">{`Workspace: ${current.name}. Switch workspace`}</span>
      </DropdownMenuPrimitive.Trigger>
      <DropdownMenuPrimitive.Portal>
        <DropdownMenuPrimitive.Content
          // beside the rail; above the bottom bar on a phone
          side={isWide ? "right" : "top"}
          align="start"
          sideOffset={12}
          ref={contentRef}
          onKeyDown={() => clearTimeout(focusTimer.current)}
          className="z-50 w-64 rounded-lg border border-neutral-200 dark:border-zinc-800 bg-white dark:bg-zinc-900 p-1 text-neutral-900 dark:text-zinc-50 shadow-lg"
        >
          <DropdownMenuPrimitive.Label className="px-2.5 pt-1.5 pb-1 text-xs font-medium text-neutral-500 dark:text-zinc-400">
            Workspaces
          </DropdownMenuPrimitive.Label>
          <DropdownMenuPrimitive.RadioGroup value={current.imo_id} onValueChange={onSelect}>
            {workspaces.map((workspace) => (
              <DropdownMenuPrimitive.RadioItem
                key={workspace.imo_id}
                value={workspace.imo_id}
                className="flex w-full cursor-default items-center gap-2.5 rounded-md px-2.5 py-2 text-left outline-none select-none data-highlighted:bg-neutral-100 dark:data-highlighted:bg-zinc-800"
              >
                <span
                  aria-hidden="true"
                  className="flex size-7 shrink-0 items-center justify-center rounded-md bg-indigo-600 text-xs font-bold text-white"
                >
                  {workspaceInitial(workspace.name)}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-medium">{workspace.name}</span>
                  <span className="block text-xs text-neutral-500 dark:text-zinc-400">
                    {`${planLabel(workspace)} · ${roleLabel(workspace.role)}`}
                  </span>
                </span>
                <DropdownMenuPrimitive.ItemIndicator>
                  <Check
                    className="size-4 shrink-0 text-indigo-600 dark:text-indigo-400"
                    aria-hidden="true"
                  />
                </DropdownMenuPrimitive.ItemIndicator>
              </DropdownMenuPrimitive.RadioItem>
            ))}
          </DropdownMenuPrimitive.RadioGroup>
        </DropdownMenuPrimitive.Content>
      </DropdownMenuPrimitive.Portal>
    </DropdownMenuPrimitive.Root>
  );
}
