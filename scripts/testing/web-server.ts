import { freePort } from "../platform/free-port.ts";
import { waitForUrl } from "../platform/wait-for-url.ts";
import { platformEnv } from "./platform-env.ts";

const root = new URL("../../", import.meta.url).pathname;

/** The SPA in Vite's dev server, pointed at the test run's platform. */
export async function startWebServer() {
  const { url, anonKey } = platformEnv();
  const port = freePort();
  const child = new Deno.Command(`${root}node_modules/.bin/vite`, {
    cwd: `${root}web`,
    env: { WEB_PORT: String(port), VITE_SUPABASE_URL: url, VITE_SUPABASE_ANON_KEY: anonKey },
    stdin: "null",
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  const webUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForUrl(webUrl, { exited: child.status });
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url: webUrl,
    async stop() {
      child.kill("SIGTERM");
      await child.status;
    },
  };
}
