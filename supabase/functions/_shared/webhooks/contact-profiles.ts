import { asService } from "../db.ts";
import { graphFetch } from "../meta/graph-client.ts";
import { metaConfig } from "../meta/meta-config.ts";
import { tokenCipher } from "../token-cipher.ts";

const MAX_ATTEMPTS = 5;
/** Graph calls at once */
const CONCURRENCY = 4;
const FIELDS =
  "name,username,profile_pic,follower_count,is_user_follow_business,is_business_follow_user,is_verified_user";

interface PendingContact {
  id: string;
  external_id: string;
  auth_path: "instagram_login" | "facebook_login";
  access_token_encrypted: string | null;
}

/**
 * Fills in contact profiles (User Profile API, docs/meta-platform.md §5) with the token of the
 * account the contact wrote to. Runs after ingestion, never before: a failed or slow profile never
 * holds up a message. Failures are counted and retried later (the drain), up to MAX_ATTEMPTS.
 */
export async function fetchContactProfiles(
  contactIds?: string[],
): Promise<{ fetched: number; failed: number }> {
  const pending = await asService((tx) =>
    tx<PendingContact[]>`
      select k.id, k.external_id, a.auth_path, a.access_token_encrypted
      from public.contacts k join public.channel_accounts a on a.id = k.channel_account_id
      where k.profile_fetched_at is null and k.profile_fetch_attempts < ${MAX_ATTEMPTS}
        and a.status = 'connected' and a.access_token_encrypted is not null
        -- Meta shows a profile only to an account the person has written to (docs/meta-platform.md
        -- §5 "Consent"): a commenter known only from comments, or only answered in private, is not
        -- asked for
        and exists (select 1 from public.conversations c
                    where c.contact_id = k.id and c.last_inbound_at is not null)
        ${
      contactIds
        ? tx`and k.id = any(${contactIds}::uuid[])`
        : tx`and k.updated_at < now() - interval '1 minute'`
    }
      order by k.created_at limit 100`
  );
  const outcome = { fetched: 0, failed: 0 };
  if (pending.length === 0) return outcome;
  const config = metaConfig();
  const cipher = await tokenCipher();
  const next = pending.values();
  const fetchNext = async () => {
    for (const contact of next) await fetchProfile(contact);
  };
  const fetchProfile = async (contact: PendingContact) => {
    try {
      const base = contact.auth_path === "instagram_login"
        ? config.instagramGraph
        : config.facebookGraph;
      const url = new URL(`${base}/${encodeURIComponent(contact.external_id)}`);
      url.searchParams.set("fields", FIELDS);
      const profile = await graphFetch(url, {
        token: await cipher.decrypt(contact.access_token_encrypted!),
        timeoutMs: 5000,
      });
      const text = (
        key: string,
      ) => (typeof profile[key] === "string" ? profile[key] as string : null);
      const flag = (
        key: string,
      ) => (typeof profile[key] === "boolean" ? profile[key] as boolean : null);
      await asService((tx) =>
        tx`update public.contacts set
             username = coalesce(${text("username")}, username), display_name = coalesce(${
          text("name")
        }, display_name),
             profile_picture_url = ${text("profile_pic")},
             follower_count = ${
          typeof profile.follower_count === "number" ? profile.follower_count : null
        },
             is_user_follow_business = ${flag("is_user_follow_business")},
             is_business_follow_user = ${flag("is_business_follow_user")},
             is_verified = ${flag("is_verified_user")},
             profile_fetched_at = now(), profile_fetch_error = null
           where id = ${contact.id}`
      );
      outcome.fetched++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await asService((tx) =>
        tx`update public.contacts set profile_fetch_attempts = profile_fetch_attempts + 1,
             profile_fetch_error = ${message}
           where id = ${contact.id}`
      );
      outcome.failed++;
    }
  };
  // a batch of deliveries brings many new contacts at once: a few calls at a time, not one
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, pending.length) }, fetchNext));
  return outcome;
}
