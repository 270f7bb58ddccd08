import { describe, expect, it, vi } from "vitest";
import { fakeScheduledMessage } from "@/testing/fixtures.ts";
import {
  initialDraft,
  timeProblem,
  toUpdateChanges,
} from "@/features/messages/utils/schedule-draft.ts";
import {
  defaultScheduleAt,
  fromInputs,
  toInputs,
} from "@/features/messages/utils/schedule-time.ts";
import { nextScheduledCheckMs } from "@/features/messages/utils/scheduled-status.ts";

vi.hoisted(() => vi.stubEnv("TZ", "Asia/Kolkata"));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const now = new Date("2026-12-02T10:02:10Z");

describe("the schedule dialog's times", () => {
  it("reads the inputs as wall-clock time of the browser's zone (India: UTC+5:30)", () => {
    expect(fromInputs("2026-12-02", "15:32")?.toISOString()).toBe("2026-12-02T10:02:00.000Z");
    expect(toInputs(new Date("2026-12-02T18:45:00Z"))).toEqual({
      date: "2026-12-03",
      time: "00:15",
    });
    expect(fromInputs("2026-12-02", "")).toBeNull();
  });

  it("proposes about an hour ahead, or the window's last minute when it closes sooner", () => {
    expect(defaultScheduleAt(now, new Date(now.getTime() + 20 * HOUR)).toISOString())
      .toBe("2026-12-02T11:05:00.000Z");
    expect(defaultScheduleAt(now, new Date("2026-12-02T10:30:20Z")).toISOString())
      .toBe("2026-12-02T10:30:00.000Z");
    // the last minute began before now: the next minute (the server then says why not)
    expect(defaultScheduleAt(now, new Date("2026-12-02T10:02:30Z")).toISOString())
      .toBe("2026-12-02T10:03:00.000Z");
  });

  it("accepts the window's last minute and refuses the next, as the server does", () => {
    const replyUntil = new Date("2026-12-02T12:00:30Z");
    const at = (time: string) => ({
      when: "at_time" as const,
      date: "2026-12-02",
      time,
      cancelIfReply: false,
      text: "Hi",
      templateId: null,
    });
    expect(timeProblem(at("17:30"), { replyUntil, now })).toBeNull();
    expect(timeProblem(at("17:31"), { replyUntil, now })).toMatch(/^That's after the 24-hour/);
    // now is 15:32:10 there: its own minute is "now", the one before has passed
    expect(timeProblem(at("15:32"), { replyUntil, now })).toBeNull();
    expect(timeProblem(at("15:31"), { replyUntil, now })).toBe(
      "That time has passed. Pick a later one.",
    );
  });

  it("keeps a reschedule's unchanged time even once it has passed, and sends only changes", () => {
    const editing = fakeScheduledMessage({
      scheduled_for: "2026-12-02T09:58:41.000Z",
      template_id: "00000000-0000-4000-8000-0000000000c1",
      text: "Hi Maya!",
      cancel_if_reply: true,
    });
    const replyUntil = new Date(now.getTime() + 20 * HOUR);
    const draft = initialDraft({ replyUntil, now, editing });
    expect(draft).toMatchObject({ date: "2026-12-02", time: "15:28", cancelIfReply: true });
    expect(timeProblem(draft, { replyUntil, now, editing })).toBeNull();
    // the template's text untouched: the template stays, nothing to send
    expect(toUpdateChanges(draft, editing)).toEqual({});
    expect(toUpdateChanges({ ...draft, cancelIfReply: false, text: "Hi!" }, editing)).toEqual({
      cancel_if_reply: false,
      text: "Hi!",
    });
  });
});

describe("when the scheduled list looks again on its own", () => {
  it("shortly after the next pending time, then every 15 s while one is overdue", () => {
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
    const pending = (ms: number) => fakeScheduledMessage({ scheduled_for: at(ms) });
    expect(nextScheduledCheckMs([], now)).toBe(false);
    expect(nextScheduledCheckMs([fakeScheduledMessage({ scheduled_for: null })], now)).toBe(false);
    expect(nextScheduledCheckMs([pending(3 * MINUTE), pending(HOUR)], now)).toBe(3 * MINUTE + 5000);
    expect(nextScheduledCheckMs([pending(5 * HOUR)], now)).toBe(10 * MINUTE);
    expect(nextScheduledCheckMs([pending(-MINUTE), pending(HOUR)], now)).toBe(15_000);
    expect(
      nextScheduledCheckMs([fakeScheduledMessage({ status: "sent", scheduled_for: at(-1) })], now),
    ).toBe(false);
  });
});
