import { freePort } from "../platform/free-port.ts";
import { waitForUrl } from "../platform/wait-for-url.ts";
import { platformEnv } from "./platform-env.ts";

const root = new URL("../../", import.meta.url).pathname;

/**
 * The SPA pointed at the test run's platform: in Vite's dev server, or (`production`) built as it
 * is deployed and served by `vite preview`, for measurements (the dev server runs React's
 * development build, several times slower).
 */
export async function startWebServer(options: { production?: boolean } = {}) {
  const { url, anonKey } = platformEnv();
  const port = freePort();
  const env = { WEB_PORT: String(port), VITE_SUPABASE_URL: url, VITE_SUPABASE_ANON_KEY: anonKey };
  const vite = (args: string[], output: "null" | "inherit") =>
    new Deno.Command(`${root}node_modules/.bin/vite`, {
      args,
      cwd: `${root}web`,
      env,
      stdin: "null",
      stdout: "null",
      stderr: output,
    });
  const outDir = options.production ? await Deno.makeTempDir({ prefix: "dmdesk-web-" }) : "";
  if (outDir) {
    const build = await vite(["build", "--outDir", outDir, "--emptyOutDir"], "inherit").output();
    if (!build.success) throw new Error("vite build failed");
  }
  const child = vite(outDir ? ["preview", "--outDir", outDir] : [], "inherit").spawn();
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
      if (outDir) await Deno.remove(outDir, { recursive: true }).catch(() => {});
    },
  };
}
