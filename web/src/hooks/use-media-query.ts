import { useSyncExternalStore } from "react";

/**
 * Whether a CSS media query matches, kept current. Where matchMedia is missing (jsdom), the
 * query counts as matching so that tests see the wide layout.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (!globalThis.matchMedia) return () => {};
      const list = globalThis.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => (globalThis.matchMedia ? globalThis.matchMedia(query).matches : true),
    () => true,
  );
}
