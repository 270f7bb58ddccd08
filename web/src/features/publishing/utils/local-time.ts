/** `<input type="datetime-local">` speaks the browser's local time without a zone: "2026-12-04T09:30". */
export function toLocalInput(at: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${
    two(at.getHours())
  }:${two(at.getMinutes())}`;
}

/** The instant a datetime-local value names in the browser's time zone, or null when incomplete. */
export function fromLocalInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The next whole hour at least 30 minutes away: a sensible first choice for "publish at". */
export function defaultPublishAt(now: Date): Date {
  const at = new Date(now.getTime() + 90 * 60_000);
  at.setMinutes(0, 0, 0);
  return at;
}

/** "Fri 4 Dec, 09:30" in the browser's locale and zone. */
export function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
}
