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

/** The sizes every screen is looked at: a laptop and a phone. */
export const SCREEN_SIZES = [
  { name: "1440", viewport: { width: 1440, height: 900 }, isPhone: false },
  { name: "375", viewport: { width: 375, height: 812 }, isPhone: true },
];

/** The screen as the system's light mode shows it, then its dark mode (`<name>-dark`). */
export async function screenshotBoth(page: Page, name: string) {
  await screenshot(page, name);
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: "light" });
}

/**
 * The first page a test opens on its own Vite dev server: the server compiles the app for that
 * first load, which beside the rest of a test run on a busy machine can outlast the 30 s any later
 * step gets, so this load may take up to two minutes.
 */
export async function openFirstPage(page: Page, url: string) {
  await page.goto(url, { waitUntil: "commit", timeout: 120_000 });
  await page.waitForLoadState("load", { timeout: 120_000 });
}

/**
 * Signs `who` in through the SPA's form on `page`, on its way to `redirectTo` (Messages by
 * default); `onSignInScreen` runs once the form is there (a screenshot).
 */
export async function signInOnPage(
  page: Page,
  webUrl: string,
  who: { email: string; password: string },
  options: { redirectTo?: string; onSignInScreen?: (page: Page) => Promise<void> } = {},
) {
  await openFirstPage(
    page,
    `${webUrl}/sign-in?redirectTo=${encodeURIComponent(options.redirectTo ?? "/messages")}`,
  );
  await page.getByRole("button", { name: "Sign in" }).waitFor({ timeout: 120_000 });
  await options.onSignInScreen?.(page);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * A fresh browser context (no shared storage) at `viewport`, signed in through the SPA's form as
 * `who` (signInOnPage).
 */
export async function signInAs(
  browser: Browser,
  webUrl: string,
  who: { email: string; password: string },
  options: {
    viewport: { width: number; height: number };
    redirectTo?: string;
    onSignInScreen?: (page: Page) => Promise<void>;
  },
): Promise<Page> {
  const context = await browser.newContext({ viewport: options.viewport });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await signInOnPage(page, webUrl, who, options);
  return page;
}
