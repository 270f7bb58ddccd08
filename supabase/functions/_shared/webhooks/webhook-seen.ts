import type { Tx } from "../db.ts";

/** how often an account's last_webhook_at moves at most */
const EVERY_MS = 10_000;
/** when this process last moved each account's */
const moved = new Map<string, number>();

/**
 * channel_accounts.last_webhook_at (Settings › Channels, "Last webhook"), at most every 10 s:
 * written by every delivery, the account's one row serialised them all. An account this process
 * moved within the interval costs no statement; the row's own condition covers the other
 * processes' writes. The answer records the move: call it once the transaction has committed,
 * since a process that remembered a move its rollback undid would skip the account for 10 s.
 */
export async function markWebhookSeen(tx: Tx, accountIds: string[]): Promise<() => void> {
  const now = Date.now();
  const due = accountIds.filter((id) => now - (moved.get(id) ?? -Infinity) >= EVERY_MS);
  if (due.length === 0) return () => {};
  await tx`update public.channel_accounts set last_webhook_at = now()
    where id = any(${due}::uuid[])
      and (last_webhook_at is null
        or last_webhook_at < now() - make_interval(secs => ${EVERY_MS / 1000}))`;
  return () => due.forEach((id) => moved.set(id, now));
}
