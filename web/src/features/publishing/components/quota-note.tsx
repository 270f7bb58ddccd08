import { usePublishingQuota } from "@/features/publishing/api/get-publishing-quota.ts";

// Instagram's publishing limit as it stands for the account: how many API posts in the last 24
// hours, of how many (docs/meta-platform.md §7). Quiet when it cannot be read: publishing checks again.
export function QuotaNote({ imoId, accountId }: { imoId: string; accountId: string }) {
  const quota = usePublishingQuota(imoId, accountId, true);
  if (quota.status !== "success") return null;
  const { quota_usage: used, quota_total: total } = quota.data;
  const isFull = used >= total;
  return (
    <p
      className={`text-[10px] ${
        isFull ? "font-semibold text-red-600 dark:text-red-400" : "text-zinc-500 dark:text-zinc-400"
      }`}
    >
      Instagram: {used} of {total} posts in the last 24 hours
      {isFull ? ". The limit is reached; posts wait until the oldest is 24 hours old." : ""}
    </p>
  );
}
