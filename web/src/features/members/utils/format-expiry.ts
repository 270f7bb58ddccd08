const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** "Expires in 6 days", "Expires in 3 hours", "Expired": how long an invitation link still works. */
export function formatExpiry(expiresAt: string, now: Date = new Date()): string {
  const left = new Date(expiresAt).getTime() - now.getTime();
  if (left <= 0) return "Expired";
  if (left >= DAY_MS) {
    const days = Math.floor(left / DAY_MS);
    return `Expires in ${days} day${days === 1 ? "" : "s"}`;
  }
  const hours = Math.max(1, Math.floor(left / HOUR_MS));
  return `Expires in ${hours} hour${hours === 1 ? "" : "s"}`;
}

export const isExpired = (expiresAt: string, now: Date = new Date()) =>
  new Date(expiresAt).getTime() <= now.getTime();
