import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";
import { resetSupabaseMock } from "@/testing/supabase-mock.ts";

// The first render of a file imports the lazy route modules; under `npm test`, which runs the
// Deno suites beside Vitest, that alone can pass findBy's default 1 s (and 5 s on a busy machine).
configure({ asyncUtilTimeout: 15_000 });

// Radix Select and DropdownMenu call pointer-capture and scrolling APIs that jsdom lacks.
Element.prototype.hasPointerCapture ??= () => false;
Element.prototype.setPointerCapture ??= () => {};
Element.prototype.releasePointerCapture ??= () => {};
Element.prototype.scrollIntoView ??= () => {};

// Vitest globals are off, so Testing Library can't register its own afterEach cleanup.
afterEach(() => {
  cleanup();
  resetSupabaseMock();
  // The current workspace is remembered in localStorage, which jsdom keeps for the whole file.
  localStorage.clear();
});
