import { useEffect, useId, useRef, useState } from "react";
import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { Check } from "lucide-react";
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

function WorkspaceMenu({ current, workspaces, open, onOpenChange, onSelect }: WorkspaceMenuProps) {
  const menuId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    // Keyboard users land on the current workspace, as in a native select.
    menuRef.current?.querySelector<HTMLElement>("[aria-checked='true']")?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) onOpenChange(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      onOpenChange(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open, onOpenChange]);

  return (
    <div ref={containerRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={`${current.name} · ${planLabel(current)}`}
        onClick={() => onOpenChange(!open)}
        className={`${TILE} ring-offset-2 ring-offset-neutral-900 hover:ring-2 hover:ring-white/30 focus-visible:ring-2 focus-visible:ring-indigo-400 focus-visible:outline-none`}
      >
        <span aria-hidden="true">{workspaceInitial(current.name)}</span>
        <span className="sr-only">{`Workspace: ${current.name}. Switch workspace`}</span>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Switch workspace"
          // beside the rail; above the bottom bar on a phone
          className="absolute bottom-full left-0 z-50 mb-2 w-64 md:top-0 md:bottom-auto md:left-full md:mb-0 md:ml-3 rounded-lg border border-neutral-200 dark:border-zinc-800 bg-white dark:bg-zinc-900 p-1 text-neutral-900 dark:text-zinc-50 shadow-lg"
        >
          <p className="px-2.5 pt-1.5 pb-1 text-xs font-medium text-neutral-500 dark:text-zinc-400">
            Workspaces
          </p>
          {workspaces.map((workspace) => (
            <button
              key={workspace.imo_id}
              type="button"
              role="menuitemradio"
              aria-checked={workspace.imo_id === current.imo_id}
              onClick={() => onSelect(workspace.imo_id)}
              className="flex w-full items-center gap-2.5 rounded-md px-2.5 py-2 text-left hover:bg-neutral-100 dark:hover:bg-zinc-800 focus-visible:bg-neutral-100 dark:focus-visible:bg-zinc-800 focus-visible:outline-none"
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
              {workspace.imo_id === current.imo_id && (
                <Check
                  className="size-4 shrink-0 text-indigo-600 dark:text-indigo-400"
                  aria-hidden="true"
                />
              )}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
