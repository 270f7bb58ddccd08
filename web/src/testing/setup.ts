import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { resetSupabaseMock } from "@/testing/supabase-mock.ts";

// Vitest globals are off, so Testing Library can't register its own afterEach cleanup.
afterEach(() => {
  cleanup();
  resetSupabaseMock();
});
