const time = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const day = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: "short" });

const DAY_MS = 86_400_000;

/** A list row's time: "14:05" today, "Tue" this week, "Mar 3" before. */
export function formatListTime(iso: string | null, now: Date): string {
  if (!iso) return "";
  const at = new Date(iso);
  if (at.toDateString() === now.toDateString()) return time.format(at);
  if (now.getTime() - at.getTime() < 6 * DAY_MS) return weekday.format(at);
  return day.format(at);
}

/** A message's time in the thread: "14:05", with the day when it is not today. */
export function formatMessageTime(iso: string, now: Date): string {
  const at = new Date(iso);
  if (at.toDateString() === now.toDateString()) return time.format(at);
  return `${day.format(at)}, ${time.format(at)}`;
}
