const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago". */
export function formatRelativeTime(iso: string, now: Date = new Date()): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  if (abs < HOUR) return relative.format(Math.round(seconds / MINUTE), "minute");
  if (abs < DAY) return relative.format(Math.round(seconds / HOUR), "hour");
  if (abs < 30 * DAY) return relative.format(Math.round(seconds / DAY), "day");
  if (abs < 365 * DAY) return relative.format(Math.round(seconds / (30 * DAY)), "month");
  return relative.format(Math.round(seconds / (365 * DAY)), "year");
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/**
 * The token countdown: whole days while there are any (a 60-day token reads "59 days" for its
 * first day, never "60"), then hours, so the last day does not read "0 days".
 */
export function formatTokenCountdown(secondsLeft: number): string {
  if (secondsLeft <= 0) return "Token expired";
  if (secondsLeft >= DAY) return `Token expires in ${plural(Math.floor(secondsLeft / DAY), "day")}`;
  if (secondsLeft >= HOUR) {
    return `Token expires in ${plural(Math.floor(secondsLeft / HOUR), "hour")}`;
  }
  return "Token expires in less than an hour";
}
