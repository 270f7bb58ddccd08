import { type Browser, chromium, type Page } from "playwright-core";

const CHROMIUM = Deno.env.get("CHROMIUM_PATH") ?? "/usr/bin/chromium";

/** Debian's Chromium, headless, with the flags this machine's closed network and root user need. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Screenshots land beside the run's other artifacts so that a failure can be looked at. */
export async function screenshot(page: Page, name: string) {
  const dir = Deno.env.get("SCREENSHOT_DIR") ?? `${Deno.cwd()}/.local/screenshots`;
  await Deno.mkdir(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
