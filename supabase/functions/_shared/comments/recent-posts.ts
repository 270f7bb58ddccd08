import { z } from "zod";
import type { RecentPostsResponse } from "../../../../shared/src/contracts/comments.ts";
import type { Claims } from "../auth.ts";
import { requireFeature } from "../connect/access.ts";
import { asService, withUser } from "../db.ts";
import { HttpError, json } from "../http.ts";
import { graphFetch } from "../meta/graph-client.ts";
import { metaConfig } from "../meta/meta-config.ts";
import { accountToken } from "./account-token.ts";
import { MEDIA_FIELDS, mediaSchema, postColumns } from "./media-details.ts";
import { metaRefusal } from "./meta-refusal.ts";

const RECENT = 25;
const mediaListSchema = z.object({ data: z.array(mediaSchema.extend({ id: z.string() })) });

/**
 * `GET /instagram-comments/accounts/<id>/posts`: the account's 25 newest posts as Instagram has
 * them (`GET /<IG_ID>/media`, docs/meta-platform.md §9 "Media"), stored as posts, so that a keyword
 * rule can be aimed at a hiring post before anyone has commented on it. Any member of the IMO.
 */
export async function recentPostsRoute(
  _request: Request,
  params: Record<string, string>,
  claims: Claims,
) {
  const account = await withUser(claims, async (tx) => {
    const [row] = await tx<{ id: string; imo_id: string; external_account_id: string }[]>`
      select id, imo_id, external_account_id from public.channel_accounts
      where id = ${params.accountId!} and platform = 'instagram'`;
    if (!row) throw new HttpError(404, "account_not_found", "No such Instagram account");
    await requireFeature(tx, row.imo_id, "instagram_messaging");
    return row;
  });
  const login = await accountToken(account.id);
  const config = metaConfig();
  const base = login.auth_path === "instagram_login" ? config.instagramGraph : config.facebookGraph;
  const url = new URL(`${base}/${encodeURIComponent(account.external_account_id)}/media`);
  url.searchParams.set("fields", MEDIA_FIELDS);
  url.searchParams.set("limit", String(RECENT));
  let media;
  try {
    media = mediaListSchema.parse(await graphFetch(url, { token: login.token })).data;
  } catch (error) {
    throw metaRefusal(error);
  }
  await asService(async (tx) => {
    for (const item of media) {
      const columns = postColumns(item);
      await tx`
        insert into public.posts (imo_id, channel_account_id, external_id, media_type,
          media_product_type, caption, thumbnail_url, permalink, posted_at, details_fetched_at)
        values (${account.imo_id}, ${account.id}, ${item.id}, ${columns.media_type},
          ${columns.media_product_type}, ${columns.caption}, ${columns.thumbnail_url},
          ${columns.permalink}, ${columns.posted_at}, now())
        on conflict (channel_account_id, external_id) do update set
          caption = excluded.caption, media_type = excluded.media_type,
          media_product_type = excluded.media_product_type, thumbnail_url = excluded.thumbnail_url,
          permalink = excluded.permalink, posted_at = excluded.posted_at,
          details_fetched_at = now(), details_fetch_error = null`;
    }
  });
  const body = await withUser(claims, async (tx): Promise<RecentPostsResponse> => {
    const rows = await tx<
      {
        id: string;
        channel_account_id: string;
        external_id: string;
        caption: string | null;
        thumbnail_url: string | null;
        permalink: string | null;
        posted_at: Date | null;
      }[]
    >`
      select id, channel_account_id, external_id, caption, thumbnail_url, permalink, posted_at
      from public.posts
      where channel_account_id = ${account.id} and external_id = any(${media.map((m) => m.id)})`;
    // in Meta's order, newest first (its timestamps are to the second: ties are common)
    const order = new Map(media.map((item, index) => [item.id, index]));
    rows.sort((a, b) => order.get(a.external_id)! - order.get(b.external_id)!);
    return {
      posts: rows.map((row) => ({ ...row, posted_at: row.posted_at?.toISOString() ?? null })),
    };
  });
  return json(body);
}
