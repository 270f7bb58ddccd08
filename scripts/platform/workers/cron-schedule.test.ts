import assert from "node:assert/strict";
import { type CronSchedule, isDue, parseSchedule } from "./cron-schedule.ts";

const at = (iso: string) => new Date(`${iso}Z`);
const cron = (text: string) => parseSchedule(text) as CronSchedule;
const sorted = (set: ReadonlySet<number>) => [...set].sort((a, b) => a - b);

Deno.test("ranges, steps and lists expand to the right values", () => {
  assert.deepEqual(sorted(cron("1-5 * * * *").minutes), [1, 2, 3, 4, 5]);
  assert.deepEqual(sorted(cron("*/15 * * * *").minutes), [0, 15, 30, 45]);
  assert.deepEqual(sorted(cron("1-10/2 * * * *").minutes), [1, 3, 5, 7, 9]);
  assert.deepEqual(sorted(cron("0,30,45-47 * * * *").minutes), [0, 30, 45, 46, 47]);
  assert.deepEqual(sorted(cron("0 */6 * * *").hours), [0, 6, 12, 18]);
  assert.deepEqual(sorted(cron("0 0 */10 * *").daysOfMonth), [1, 11, 21, 31]);
  assert.deepEqual(sorted(cron("0 0 * 2-12/5 *").months), [2, 7, 12]);
});

Deno.test("isDue checks minute, hour and month", () => {
  const s = parseSchedule("*/5 9-17 * 1,7 *");
  assert.equal(isDue(s, at("2025-01-15T09:05:00")), true);
  assert.equal(isDue(s, at("2025-01-15T09:06:00")), false);
  assert.equal(isDue(s, at("2025-01-15T18:00:00")), false);
  assert.equal(isDue(s, at("2025-02-15T09:05:00")), false);
  assert.equal(isDue(s, at("2025-07-31T17:55:00")), true);
});

Deno.test("$ is the last day of the month, leap years included", () => {
  const s = parseSchedule("0 12 $ * *");
  assert.equal(isDue(s, at("2024-02-29T12:00:00")), true);
  assert.equal(isDue(s, at("2024-02-28T12:00:00")), false);
  assert.equal(isDue(s, at("2025-02-28T12:00:00")), true);
  assert.equal(isDue(s, at("2025-04-30T12:00:00")), true);
  assert.equal(isDue(s, at("2025-04-29T12:00:00")), false);
  assert.equal(isDue(s, at("2025-12-31T12:00:00")), true);
  assert.equal(isDue(s, at("2025-12-31T12:01:00")), false);
});

Deno.test("day of week 7 is Sunday, like 0", () => {
  const seven = parseSchedule("0 0 * * 7");
  const zero = parseSchedule("0 0 * * 0");
  const sunday = at("2025-06-01T00:00:00"); // a Sunday
  assert.equal(sunday.getUTCDay(), 0);
  assert.equal(isDue(seven, sunday), true);
  assert.equal(isDue(zero, sunday), true);
  assert.equal(isDue(seven, at("2025-06-02T00:00:00")), false);
  assert.deepEqual(sorted(cron("0 0 * * 5-7").daysOfWeek), [0, 5, 6]);
});

Deno.test("day of month and day of week: OR when both restricted, AND when either is *", () => {
  const either = parseSchedule("0 0 13 * 5"); // the 13th, or any Friday
  assert.equal(isDue(either, at("2025-06-13T00:00:00")), true); // Friday the 13th
  assert.equal(isDue(either, at("2025-07-13T00:00:00")), true); // Sunday the 13th
  assert.equal(isDue(either, at("2025-07-04T00:00:00")), true); // Friday the 4th
  assert.equal(isDue(either, at("2025-07-05T00:00:00")), false);

  const fridays = parseSchedule("0 0 * * 5");
  assert.equal(isDue(fridays, at("2025-07-04T00:00:00")), true);
  assert.equal(isDue(fridays, at("2025-07-13T00:00:00")), false);

  // vixie cron treats "*/2" as unrestricted: both fields must match
  const oddFridays = parseSchedule("0 0 */2 * 5");
  assert.equal(isDue(oddFridays, at("2025-07-11T00:00:00")), true);
  assert.equal(isDue(oddFridays, at("2025-07-04T00:00:00")), false);
  assert.equal(isDue(oddFridays, at("2025-07-13T00:00:00")), false);

  const lastOrMonday = parseSchedule("0 0 $ * 1");
  assert.equal(isDue(lastOrMonday, at("2025-07-31T00:00:00")), true); // Thursday, last day
  assert.equal(isDue(lastOrMonday, at("2025-07-07T00:00:00")), true); // Monday
  assert.equal(isDue(lastOrMonday, at("2025-07-08T00:00:00")), false);
});

Deno.test("macros", () => {
  const newYear = at("2025-01-01T00:00:00"); // a Wednesday
  assert.equal(isDue(parseSchedule("@yearly"), newYear), true);
  assert.equal(isDue(parseSchedule("@annually"), at("2025-02-01T00:00:00")), false);
  assert.equal(isDue(parseSchedule("@monthly"), at("2025-02-01T00:00:00")), true);
  assert.equal(isDue(parseSchedule("@weekly"), newYear), false);
  assert.equal(isDue(parseSchedule("@weekly"), at("2025-01-05T00:00:00")), true);
  assert.equal(isDue(parseSchedule("@daily"), at("2025-03-09T00:00:00")), true);
  assert.equal(isDue(parseSchedule("@daily"), at("2025-03-09T01:00:00")), false);
  assert.equal(isDue(parseSchedule("@hourly"), at("2025-03-09T07:00:00")), true);
  assert.equal(isDue(parseSchedule("@hourly"), at("2025-03-09T07:01:00")), false);
  assert.deepEqual(parseSchedule("@reboot"), { kind: "reboot" });
});

Deno.test("seconds form", () => {
  assert.deepEqual(parseSchedule("1 seconds"), { kind: "seconds", seconds: 1 });
  assert.deepEqual(parseSchedule(" 30 second "), { kind: "seconds", seconds: 30 });
  assert.deepEqual(parseSchedule("59 Seconds"), { kind: "seconds", seconds: 59 });
  assert.equal(isDue(parseSchedule("10 seconds"), at("2025-01-01T00:00:00")), false);
});

Deno.test("invalid schedules throw a clear error", () => {
  for (
    const bad of [
      "",
      "* * * *",
      "* * * * * *",
      "60 * * * *",
      "* 24 * * *",
      "* * 0 * *",
      "* * 32 * *",
      "* * * 13 *",
      "* * * * 8",
      "5/10 * * * *",
      "*/0 * * * *",
      "10-5 * * * *",
      "a * * * *",
      "1,,2 * * * *",
      "* * * jan *",
      "$ * * * *",
      "0 seconds",
      "60 seconds",
      "5 minutes",
      "@every",
    ]
  ) {
    assert.throws(() => parseSchedule(bad), /invalid schedule/, `should reject "${bad}"`);
  }
});
