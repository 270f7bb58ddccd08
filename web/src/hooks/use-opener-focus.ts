import { useRef } from "react";

/**
 * Radix gives focus back only to its own Trigger. Our dialogs open from plain buttons (a toolbar's,
 * a list row's) or from a menu's item, so the element focused at opening gets it back instead: for
 * a menu's item, which is gone once the menu closes, the button that opened the menu.
 */
export function useOpenerFocus(fallback?: () => HTMLElement | null) {
  const opener = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: () => {
      opener.current = focusedOpener();
    },
    onCloseAutoFocus: (event: Event) => {
      // what opened it may be gone (the row of what was just deleted): the fallback stands in
      const target = opener.current?.isConnected ? opener.current : fallback?.();
      if (!target?.isConnected) return;
      event.preventDefault();
      target.focus();
    },
  };
}

function focusedOpener(): HTMLElement | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return null;
  // Radix labels a menu by its trigger's id
  const menuTrigger = active.closest('[role="menu"]')?.getAttribute("aria-labelledby");
  return menuTrigger ? document.getElementById(menuTrigger) ?? active : active;
}
