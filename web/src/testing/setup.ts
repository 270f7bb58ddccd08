import { cleanup, configure } from "@testing-library/react";
import { toast } from "sonner";
import { afterAll, afterEach } from "vitest";
import { resetSupabaseMock } from "@/testing/supabase-mock.ts";

// The first render of a file imports the lazy route modules; under `npm test`, which runs the
// Deno suites beside Vitest, that alone can pass findBy's default 1 s (and 5 s on a busy machine).
configure({ asyncUtilTimeout: 15_000 });

// Radix Select and DropdownMenu call pointer-capture and scrolling APIs that jsdom lacks.
Element.prototype.hasPointerCapture ??= () => false;
Element.prototype.setPointerCapture ??= () => {};
Element.prototype.releasePointerCapture ??= () => {};
Element.prototype.scrollIntoView ??= () => {};
// Radix's positioning and the resizable panels observe sizes; jsdom lays nothing out.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// Vitest globals are off, so Testing Library can't register its own afterEach cleanup.
afterEach(() => {
  cleanup();
  resetSupabaseMock();
  // The current workspace is remembered in localStorage, which jsdom keeps for the whole file.
  localStorage.clear();
  // sonner keeps its toasts in one store for the whole file and replays the ones still showing to
  // the next Toaster: a test's "Undo" toast was on screen in the next test too, which then waited
  // out its 10 s before a single Undo button was there to find.
  toast.dismiss();
});

// A toast that closed during a file's last test removes itself 200 ms later (sonner's
// TIME_BEFORE_UNMOUNT); once the file's jsdom is gone, that timer threw "window is not defined"
// and Vitest failed the run for it. The file waits it out.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 250)));
