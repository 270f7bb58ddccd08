import assert from "node:assert/strict";
import { launchBrowser, screenshot, signInOnPage } from "../../scripts/testing/browser.ts";
import { contactUsername, openConversation } from "../../scripts/testing/inbox-browser.ts";
import {
  asScheduler,
  leadWritesAgain,
  textsSentFrom,
} from "../../scripts/testing/schedule-fixture.ts";
import { sandboxThread } from "../../scripts/testing/send-fixture.ts";
import { startWebServer } from "../../scripts/testing/web-server.ts";
import { createWorkspace } from "../../scripts/testing/workspace.ts";
import { wallClock } from "../src/testing/wall-clock.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 812 };
// The browser's zone, not the machine's (UTC): the dialog's times must be the recruiter's.
const ZONE = "America/New_York";
const MINUTE = 60_000;

/** instagram-process-scheduled on demand, for this conversation only. */
async function processScheduled(conversationId: string) {
  const response = await asScheduler("instagram-process-scheduled", {
    conversation_ids: [conversationId],
  });
  const body = await response.text();
  assert.equal(response.status, 200, body);
  return JSON.parse(body);
}

Deno.test(
  "in Chromium: a recruiter schedules a message in their time zone, it goes out when due, and one waits for the contact's reply",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", role: "admin", label: "e2e-schedule" });
    const thread = await sandboxThread(workspace, { minutesAgo: 5 });
    const username = await contactUsername(workspace, thread.conversationId);

    const web = await startWebServer();
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: DESKTOP, timezoneId: ZONE });
      context.setDefaultTimeout(30_000);
      const page = await context.newPage();
      await signInOnPage(page, web.url, workspace);

      const view = await openConversation(page, username);
      await view.getByText("Hi, is the recruiter role still open?").waitFor();
      await view.getByRole("toolbar", { name: "Conversation actions" })
        .getByRole("button", { name: "Schedule", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Schedule a message" });
      await dialog.getByText(/^Time zone: America\/New_York \(GMT-[45]\)$/).waitFor();
      await dialog.getByText(/^Instagram's 24-hour window closes .+ \(in 23 h \d+ min\)/)
        .waitFor();

      // A day from now is past the window: refused, with the reason, before any request.
      const tooLate = wallClock(new Date(Date.now() + 24 * 60 * MINUTE), ZONE);
      await dialog.getByLabel("Date", { exact: true }).fill(tooLate.date);
      await dialog.getByLabel("Time", { exact: true }).fill(tooLate.time);
      await dialog.getByText(/That's after the 24-hour window closes/).waitFor();
      assert.ok(await dialog.getByRole("button", { name: "Schedule" }).isDisabled());

      // The next minute on the recruiter's clock, with "cancel if they reply first".
      const dueAt = new Date(Math.ceil((Date.now() + 1) / MINUTE) * MINUTE);
      const due = wallClock(dueAt, ZONE);
      const text = `Scheduled hello ${crypto.randomUUID().slice(0, 6)}`;
      await dialog.getByLabel("Date", { exact: true }).fill(due.date);
      await dialog.getByLabel("Time", { exact: true }).fill(due.time);
      await dialog.getByLabel("Message", { exact: true }).fill(text);
      await dialog.getByLabel(/Cancel if they reply first/).check();
      await dialog.getByText(`${new TextEncoder().encode(text).length} / 1000 bytes`).waitFor();
      await screenshot(page, "schedule-01-dialog-1440");
      await dialog.getByRole("button", { name: "Schedule", exact: true }).click();
      await dialog.waitFor({ state: "detached" });

      const [row] = await workspace.sql<
        { id: string; scheduled_for: Date; cancel_if_reply: boolean; status: string }[]
      >`select id, scheduled_for, cancel_if_reply, status::text from public.scheduled_messages
        where conversation_id = ${thread.conversationId} and text = ${text}`;
      assert.ok(row, "the scheduled message was stored");
      assert.equal(row.scheduled_for.toISOString(), dueAt.toISOString(), "the time in New York");
      assert.equal(row.cancel_if_reply, true);

      const strip = view.getByRole("region", { name: "Scheduled messages" });
      await strip.getByRole("button", { name: /^1 scheduled · next / }).click();
      await strip.getByRole("listitem", { name: /^Scheduled: / })
        .getByText("Cancelled if they reply first").waitFor();
      await screenshot(page, "schedule-02-list-1440");

      // Once due, the processor sends it (on demand here; the every-minute job may come first).
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, dueAt.getTime() - Date.now()))
      );
      const pass = await processScheduled(thread.conversationId);
      console.log(`instagram-process-scheduled on demand: ${JSON.stringify(pass)}`);
      const sent = view.getByRole("article", { name: "Sent message" }).filter({ hasText: text });
      await sent.and(page.locator('[data-status="sent"]')).waitFor();
      await strip.getByRole("listitem", { name: /^Sent: / }).waitFor();
      assert.ok((await textsSentFrom(thread.account)).includes(text), "the sandbox received it");
      await screenshot(page, "schedule-03-sent-1440");

      // "When they next write": it waits, and their next message sends it, live.
      await view.getByRole("toolbar", { name: "Conversation actions" })
        .getByRole("button", { name: "Schedule", exact: true }).click();
      await dialog.getByRole("radio", { name: "When they next write" }).check({ force: true });
      const waiting = `Thanks for writing back ${crypto.randomUUID().slice(0, 6)}`;
      await dialog.getByLabel("Message", { exact: true }).fill(waiting);
      await dialog.getByRole("button", { name: "Schedule", exact: true }).click();
      await dialog.waitFor({ state: "detached" });
      await strip.getByRole("listitem", { name: "Scheduled: When they next write" }).waitFor();
      await leadWritesAgain(workspace, thread, "One more question about the role");
      await view.getByRole("article", { name: "Sent message" }).filter({ hasText: waiting })
        .and(page.locator('[data-status="sent"]')).waitFor();
      assert.ok((await textsSentFrom(thread.account)).includes(waiting));

      // A phone: the dialog fits, and Escape closes it.
      await page.setViewportSize(PHONE);
      await page.goto(`${web.url}/messages?conversation=${thread.conversationId}`);
      const phoneView = page.getByRole("region", { name: `Conversation with @${username}` });
      await phoneView.getByRole("button", { name: "Schedule", exact: true }).click();
      await dialog.getByText(/^Time zone: America\/New_York/).waitFor();
      const box = await dialog.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, "the dialog fits 375 px");
      await screenshot(page, "schedule-04-dialog-375");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      // Everything below the history opened at once: the history keeps most of the screen
      // (the strip and the AI's details scroll under a cap instead of squeezing it to a line).
      await phoneView.getByRole("region", { name: "Scheduled messages" })
        .locator('button[aria-expanded="false"]').click();
      await phoneView.getByRole("region", { name: "AI assistant" })
        .locator('button[aria-expanded="false"]').click();
      const history = await phoneView.getByRole("log", { name: "Message history" }).boundingBox();
      assert.ok(history && history.height >= 180, `history ${history?.height} px tall at 375×812`);
      await screenshot(page, "schedule-05-everything-open-375");

      // Settings › Automation: the reminder, on with the default text.
      await page.setViewportSize(DESKTOP);
      await page.goto(`${web.url}/settings/automation`);
      const settings = page.getByRole("form", { name: "Priority reminder settings" });
      await settings.getByRole("switch", { name: "Send priority reminders" }).click();
      await settings.getByRole("button", { name: "Save" }).click();
      await page.getByText("Priority reminders are on").waitFor();
      const [stored] = await workspace.sql<{ reminders_enabled: boolean }[]>`
        select reminders_enabled from public.automation_settings where imo_id = ${workspace.imoId}`;
      assert.equal(stored?.reminders_enabled, true);
      await screenshot(page, "schedule-05-reminder-settings-1440");
    } finally {
      await browser.close();
      await web.stop();
      await workspace.close();
    }
  },
);
