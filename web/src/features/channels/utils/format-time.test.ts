import { describe, expect, it } from "vitest";
import { formatRelativeTime, formatTokenCountdown } from "@/features/channels/utils/format-time.ts";

const now = new Date("2026-03-10T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe("formatRelativeTime", () => {
  it.each([
    [10, "just now"],
    [5 * 60, "5 minutes ago"],
    [3 * 3600, "3 hours ago"],
    [86_400, "yesterday"],
    [3 * 86_400, "3 days ago"],
    [90 * 86_400, "3 months ago"],
    [800 * 86_400, "2 years ago"],
  ])("%i seconds ago reads %j", (seconds, expected) => {
    expect(formatRelativeTime(ago(seconds), now)).toBe(expected);
  });
});

describe("formatTokenCountdown", () => {
  it.each([
    [5_183_944, "Token expires in 59 days"],
    [86_400, "Token expires in 1 day"],
    [7_200, "Token expires in 2 hours"],
    [3_600, "Token expires in 1 hour"],
    [59, "Token expires in less than an hour"],
    [0, "Token expired"],
  ])("%i seconds left reads %j", (seconds, expected) => {
    expect(formatTokenCountdown(seconds)).toBe(expected);
  });
});
