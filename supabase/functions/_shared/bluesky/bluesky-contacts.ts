import type { Tx } from "../db.ts";
import { ensureConversation } from "../webhooks/conversation-upsert.ts";

/** What Bluesky shows of a person (a notification's author, a DM member). */
export interface BlueskyProfile {
  did: string;
  handle: string;
  displayName?: string;
  avatar?: string;
}

/**
 * The person's conversation of `kind` with the account, their contact's handle, name and picture
 * brought up to date on the way (Bluesky hands the profile with every notification, so there is
 * no separate profile fetch as for Instagram).
 */
export async function conversationWith(
  tx: Tx,
  account: { id: string; imo_id: string },
  profile: BlueskyProfile,
  kind: "direct" | "public",
) {
  const ids = await ensureConversation(tx, account, profile.did, kind);
  await tx`
    update public.contacts set username = ${profile.handle},
      display_name = coalesce(${profile.displayName || null}, display_name),
      profile_picture_url = coalesce(${profile.avatar ?? null}, profile_picture_url),
      profile_fetched_at = now()
    where id = ${ids.contactId} and (username is distinct from ${profile.handle}
      or display_name is distinct from coalesce(${profile.displayName || null}, display_name)
      or profile_picture_url is distinct from coalesce(${
    profile.avatar ?? null
  }, profile_picture_url))`;
  return ids;
}
