/**
 * The schedule dialog's times. Date and time inputs hold wall-clock values of the browser's time
 * zone (what `new Date(y, m, d, h, min)` reads), so the zone shown is the browser's too.
 */

const MINUTE_MS = 60_000;
const pad = (n: number) => String(n).padStart(2, "0");

/** "Europe/Berlin (GMT+1)": the zone the dialog's times are in. */
export function timeZoneLabel(at: Date): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = new Intl.DateTimeFormat("en-US", { timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  return offset && offset !== zone ? `${zone} (${offset})` : zone;
}

/** The values of `<input type="date">` and `<input type="time">` for an instant. */
export function toInputs(at: Date): { date: string; time: string } {
  return {
    date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
    time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
  };
}

/** The instant those inputs mean in the browser's zone; null while either is incomplete. */
export function fromInputs(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const at = new Date(+d[1]!, +d[2]! - 1, +d[3]!, +t[1]!, +t[2]!);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** An instant cut to its minute, as the inputs can show it. */
export const toMinute = (at: Date) => new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS);

/**
 * The dialog's first proposal: in about an hour on a 5-minute mark, or the window's last whole
 * minute when it closes sooner (the next minute when even that has passed).
 */
export function defaultScheduleAt(now: Date, replyUntil: Date | null): Date {
  const step = 5 * MINUTE_MS;
  const inAnHour = new Date(Math.ceil((now.getTime() + 60 * MINUTE_MS) / step) * step);
  if (!replyUntil || inAnHour < replyUntil) return inAnHour;
  const lastMinute = toMinute(new Date(replyUntil.getTime() - 1));
  if (lastMinute > now) return lastMinute;
  return new Date(Math.ceil(now.getTime() / MINUTE_MS) * MINUTE_MS);
}

// Made per call, not once: a formatter keeps the zone it was made in, and the zone is the point.
const clock = () => new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const dayAndMonth = () =>
  new Intl.DateTimeFormat(undefined, { weekday: "short", month: "short", day: "numeric" });

const dayNumber = (at: Date) =>
  Math.floor((at.getTime() - at.getTimezoneOffset() * MINUTE_MS) / (1440 * MINUTE_MS));

/** "Today, 14:05", "Tomorrow, 09:00", "Tue, Dec 3, 14:05" (in the browser's zone). */
export function formatScheduleTime(iso: string | Date, now: Date): string {
  const at = new Date(iso);
  const days = dayNumber(at) - dayNumber(now);
  const day = days === 0
    ? "Today"
    : days === 1
    ? "Tomorrow"
    : days === -1
    ? "Yesterday"
    : dayAndMonth().format(at);
  return `${day}, ${clock().format(at)}`;
}

/** "in 3 h 20 min", "in 12 min", "now" */
export function formatTimeLeft(ms: number): string {
  const minutes = Math.floor(ms / MINUTE_MS);
  if (minutes < 1) return "now";
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return `in ${minutes} min`;
  return minutes % 60 ? `in ${hours} h ${minutes % 60} min` : `in ${hours} h`;
}
