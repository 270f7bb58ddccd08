/** A channel account as the Publishing page needs it: who posts, and whether it can. */
export interface PublishingAccount {
  id: string;
  platform: "instagram" | "bluesky";
  username: string | null;
  display_name: string | null;
  profile_picture_url: string | null;
  status: "connected" | "disconnected" | "expired" | "error";
}

/** The accounts that can hold a post: Instagram and Bluesky ones (Facebook Pages come later). */
export function publishingAccounts<T extends { platform: string }>(accounts: T[]) {
  return accounts.filter((account) =>
    account.platform === "instagram" || account.platform === "bluesky"
  ) as unknown as PublishingAccount[];
}
