import type { ConnectedAccount } from "@/features/channels/api/get-connected-accounts.ts";

const BADGES: Record<ConnectedAccount["status"], { label: string; className: string }> = {
  connected: {
    label: "Connected",
    className:
      "bg-emerald-50 dark:bg-emerald-950/60 text-emerald-700 dark:text-emerald-300 ring-emerald-600/20",
  },
  expired: {
    label: "Expired",
    className:
      "bg-amber-50 dark:bg-amber-950/60 text-amber-800 dark:text-amber-300 ring-amber-600/20",
  },
  error: {
    label: "Error",
    className: "bg-red-50 dark:bg-red-950/60 text-red-700 dark:text-red-300 ring-red-600/20",
  },
  disconnected: {
    label: "Disconnected",
    className:
      "bg-neutral-100 dark:bg-zinc-800 text-neutral-600 dark:text-zinc-300 ring-neutral-500/20 dark:ring-zinc-400/20",
  },
};

export function AccountStatusBadge({ status }: { status: ConnectedAccount["status"] }) {
  const badge = BADGES[status];
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${badge.className}`}
    >
      {badge.label}
    </span>
  );
}
