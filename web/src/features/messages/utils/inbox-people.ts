/**
 * What the inbox needs to know of the IMO's accounts and members. The route passes these in
 * (from Settings' own queries), so this feature depends on no other.
 */
export type InboxAccount = {
  id: string;
  username: string | null;
  display_name: string | null;
  profile_picture_url: string | null;
  status: string;
  human_agent_permission: boolean;
  /** absent means Instagram */
  platform?: "instagram" | "facebook" | "bluesky";
};

export type InboxMember = { user_id: string; display_name: string | null; email: string };

/**
 * Who is looking: their replies are "You", and "Assigned to me" is them. An owner or admin
 * (`canManageAll`) may change anyone's scheduled messages; others only their own.
 */
export type InboxViewer = { userId: string; displayName: string | null; canManageAll?: boolean };

export function memberName(member: Pick<InboxMember, "display_name" | "email">): string {
  return member.display_name || member.email;
}

export function accountName(account: Pick<InboxAccount, "username" | "display_name">): string {
  return account.username ? `@${account.username}` : account.display_name ?? "Account";
}
