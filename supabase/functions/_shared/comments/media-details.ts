import { z } from "zod";

/** The IG Media fields a post shows (docs/meta-platform.md §9 "Media"). */
export const MEDIA_FIELDS =
  "id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,timestamp";

export const mediaSchema = z.looseObject({
  id: z.string().optional(),
  caption: z.string().optional(),
  media_type: z.string().optional(),
  media_product_type: z.string().optional(),
  media_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  permalink: z.string().optional(),
  timestamp: z.string().optional(),
});
export type MediaDetails = z.infer<typeof mediaSchema>;

/**
 * A media's details as the posts table keeps them: a video's thumbnail, or the image itself, as
 * the picture; Graph's `2022-07-12T19:11:07+0000` time as a Date.
 */
export function postColumns(media: MediaDetails) {
  const postedAt = media.timestamp ? new Date(media.timestamp.replace(/\+0000$/, "Z")) : null;
  return {
    caption: media.caption ?? null,
    media_type: media.media_type ?? null,
    media_product_type: media.media_product_type ?? null,
    thumbnail_url: media.thumbnail_url ?? media.media_url ?? null,
    permalink: media.permalink ?? null,
    posted_at: postedAt && !Number.isNaN(postedAt.getTime()) ? postedAt : null,
  };
}
