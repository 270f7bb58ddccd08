import * as DropdownMenuPrimitive from "@radix-ui/react-dropdown-menu";
import type { ReactNode } from "react";

// The inbox's small menus (assign, templates): Radix's keyboard and focus handling, with the
// compact zinc look of the Messages page.
export const CompactMenu = DropdownMenuPrimitive.Root;
export const CompactMenuItem = DropdownMenuPrimitive.Item;
export const COMPACT_MENU_ITEM =
  "flex cursor-default items-center gap-1.5 rounded px-2 text-xs outline-none select-none data-disabled:opacity-50 data-highlighted:bg-zinc-100 dark:data-highlighted:bg-zinc-800";
/** The small outlined button of the inbox's toolbars, menus or not. */
export const COMPACT_BUTTON =
  "inline-flex h-6 items-center gap-1 rounded-md border border-zinc-200 px-1.5 text-[11px] font-medium text-zinc-700 hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-800 dark:text-zinc-300 dark:hover:bg-zinc-800";

type CompactMenuProps = {
  label: string;
  trigger: ReactNode;
  isDisabled?: boolean;
  className?: string;
  /** where focus goes once the menu closes (by default back to its button): Radix's event */
  onCloseAutoFocus?: (event: Event) => void;
  children: ReactNode;
};

export function CompactMenuButton(
  { label, trigger, isDisabled, className = "min-w-44", onCloseAutoFocus, children }:
    CompactMenuProps,
) {
  return (
    <>
      <DropdownMenuPrimitive.Trigger disabled={isDisabled} className={COMPACT_BUTTON}>
        {trigger}
      </DropdownMenuPrimitive.Trigger>
      <DropdownMenuPrimitive.Portal>
        <DropdownMenuPrimitive.Content
          aria-label={label}
          align="end"
          sideOffset={4}
          onCloseAutoFocus={onCloseAutoFocus}
          className={`z-50 rounded-md border border-zinc-200 bg-white p-1 text-zinc-900 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100 ${className}`}
        >
          {children}
        </DropdownMenuPrimitive.Content>
      </DropdownMenuPrimitive.Portal>
    </>
  );
}
