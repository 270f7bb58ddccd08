import * as DropdownMenuPrimitive from "@radix-ui/react-dropdown-menu";
import type { ReactNode } from "react";

// A menu of actions behind one button (a member's role changes and removal, for example).
// Radix gives roving focus, arrow keys, Escape and focus return to the trigger.
export const DropdownMenu = DropdownMenuPrimitive.Root;
export const DropdownMenuTrigger = DropdownMenuPrimitive.Trigger;

export function DropdownMenuContent({ children, label }: { children: ReactNode; label: string }) {
  return (
    <DropdownMenuPrimitive.Portal>
      <DropdownMenuPrimitive.Content
        aria-label={label}
        align="end"
        sideOffset={4}
        data-slot="dropdown-menu"
        className="z-50 min-w-52 rounded-lg border border-neutral-200 dark:border-zinc-800 bg-white dark:bg-zinc-900 p-1 text-neutral-900 dark:text-zinc-50 shadow-lg"
      >
        {children}
      </DropdownMenuPrimitive.Content>
    </DropdownMenuPrimitive.Portal>
  );
}

type DropdownMenuItemProps = {
  children: ReactNode;
  onSelect: () => void;
  tone?: "default" | "danger";
  disabled?: boolean;
};

export function DropdownMenuItem(
  { children, onSelect, tone = "default", disabled }: DropdownMenuItemProps,
) {
  return (
    <DropdownMenuPrimitive.Item
      disabled={disabled}
      onSelect={onSelect}
      className={`flex cursor-default items-center gap-2 rounded-md px-2.5 py-2 text-sm outline-none select-none data-disabled:opacity-50 data-highlighted:bg-neutral-100 dark:data-highlighted:bg-zinc-800 ${
        tone === "danger" ? "text-red-600 dark:text-red-400" : ""
      }`}
    >
      {children}
    </DropdownMenuPrimitive.Item>
  );
}

export function DropdownMenuSeparator() {
  return <DropdownMenuPrimitive.Separator className="my-1 h-px bg-neutral-200 dark:bg-zinc-700" />;
}
