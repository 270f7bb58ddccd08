import { asService } from "../db.ts";
import { graphFetch } from "../meta/graph-client.ts";
import { metaConfig } from "../meta/meta-config.ts";
import { tokenCipher } from "../token-cipher.ts";
import { MEDIA_FIELDS, mediaSchema, postColumns } from "./media-details.ts";

const MAX_ATTEMPTS = 5;

interface PendingPost {
  id: string;
  external_id: string;
  auth_path: "instagram_login" | "facebook_login";
  access_token_encrypted: string | null;
}

/**
 * Fills in what a comment webhook does not say about its post: caption, thumbnail, link and time
 * (IG Media node, docs/meta-platform.md §9 "Media"), with the token of the account it belongs to.
 * After ingestion, never before: a slow or failing fetch never holds up a comment. Failures are
 * counted and tried again by the drain, up to MAX_ATTEMPTS.
 */
export async function fetchPostDetails(postIds?: string[]) {
  const pending = await asService((tx) =>
    tx<PendingPost[]>`
      select p.id, p.external_id, a.auth_path, a.access_token_encrypted
      from public.posts p join public.channel_accounts a on a.id = p.channel_account_id
      where p.details_fetched_at is null and p.details_fetch_attempts < ${MAX_ATTEMPTS}
        and a.status = 'connected' and a.access_token_encrypted is not null
        ${postIds ? tx`and p.id = any(${postIds}::uuid[])` : tx``}
      order by p.created_at limit 50`
  );
  const outcome = { fetched: 0, failed: 0 };
  if (pending.length === 0) return outcome;
  const config = metaConfig();
  const cipher = await tokenCipher();
  for (const post of pending) {
    try {
      const base = post.auth_path === "instagram_login"
        ? config.instagramGraph
        : config.facebookGraph;
      const url = new URL(`${base}/${encodeURIComponent(post.external_id)}`);
      url.searchParams.set("fields", MEDIA_FIELDS);
      const media = mediaSchema.parse(
        await graphFetch(url, {
          token: await cipher.decrypt(post.access_token_encrypted!),
          timeoutMs: 5000,
        }),
      );
      const columns = postColumns(media);
      await asService((tx) =>
        tx`update public.posts set caption = ${columns.caption}, media_type = ${columns.media_type},
             media_product_type = coalesce(${columns.media_product_type}, media_product_type),
             thumbnail_url = ${columns.thumbnail_url}, permalink = ${columns.permalink},
             posted_at = ${columns.posted_at}, details_fetched_at = now(), details_fetch_error = null
           where id = ${post.id}`
      );
      outcome.fetched++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await asService((tx) =>
        tx`update public.posts set details_fetch_attempts = details_fetch_attempts + 1,
             details_fetch_error = ${message.slice(0, 500)}
           where id = ${post.id}`
      );
      outcome.failed++;
    }
  }
  return outcome;
}
