import process from "node:process";
import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const host = "127.0.0.1";
const port = Number(process.env.WEB_PORT ?? 5173);
if (!Number.isInteger(port) || port <= 0) {
  throw new Error(`WEB_PORT must be a positive integer, got "${process.env.WEB_PORT}"`);
}

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  // strictPort: the platform tells other services which port the SPA is on, so silently
  // hopping to the next free port would break them.
  server: { host, port, strictPort: true },
  preview: { host, port, strictPort: true },
  test: {
    environment: "jsdom",
    // npm test runs Vitest beside the Deno suites on two cores: a render can wait seconds for CPU,
    // and a file's first render also transforms the lazy route modules it lands on.
    testTimeout: 30_000,
    setupFiles: ["./src/testing/setup.ts"],
    // Tests mock the Supabase client, but config/env.ts still validates at import time.
    env: {
      VITE_SUPABASE_URL: "http://127.0.0.1:54321",
      VITE_SUPABASE_ANON_KEY: "test-anon-key",
    },
  },
});
