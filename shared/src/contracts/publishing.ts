import { z } from "zod";
import { idSchema, timestampSchema } from "../schemas/common.ts";

/**
 * The Publishing page (`publishing` function): a publication is one post for one channel account,
 * an Instagram image or carousel (docs/meta-platform.md §7) or a Bluesky post (docs/bluesky.md
 * §4), from draft to published. Every member reads them; owners and admins write, publish and
 * schedule (a post speaks for the whole IMO in public).
 */
export const publicationStatusSchema = z.enum([
  "draft",
  "scheduled",
  "publishing",
  "published",
  "failed",
]);
export type PublicationStatus = z.infer<typeof publicationStatusSchema>;

/** One image: where it is (a web address, or for Bluesky a picture read by the browser) and its alt text. */
export const publicationMediaSchema = z.object({
  url: z.string().trim().min(1, "Give the image's address").max(1_400_000),
  alt_text: z.string().max(2000).default(""),
});
export type PublicationMedia = z.input<typeof publicationMediaSchema>;

export const publicationSchema = z.object({
  id: idSchema,
  imo_id: idSchema,
  channel_account_id: idSchema,
  platform: z.enum(["instagram", "bluesky"]),
  account_username: z.string().nullable(),
  account_picture_url: z.string().nullable(),
  status: publicationStatusSchema,
  caption: z.string(),
  media: z.array(z.object({ url: z.string(), alt_text: z.string() })),
  scheduled_at: timestampSchema.nullable(),
  /** why it did not go out (its words, and the platform's); the draft is kept */
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
  /** the post on the platform: its link, and Instagram's media id or Bluesky's at:// URI */
  permalink: z.string().nullable(),
  external_id: z.string().nullable(),
  published_at: timestampSchema.nullable(),
  /** the Comments view's post, for an Instagram post */
  post_id: idSchema.nullable(),
  created_by: idSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type Publication = z.infer<typeof publicationSchema>;

export const publicationListQuerySchema = z.object({
  imo_id: idSchema,
  status: publicationStatusSchema.optional(),
});
export type PublicationListQuery = z.infer<typeof publicationListQuerySchema>;

export const publicationListResponseSchema = z.object({
  publications: z.array(publicationSchema),
});
export type PublicationListResponse = z.infer<typeof publicationListResponseSchema>;

/** `POST /publishing/posts`: a draft for one account (the platform's limits are checked here). */
export const createPublicationSchema = z.object({
  channel_account_id: idSchema,
  caption: z.string().max(2200).default(""),
  media: z.array(publicationMediaSchema).max(10).default([]),
});
export type CreatePublication = z.input<typeof createPublicationSchema>;

/** `PATCH /publishing/posts/<id>`: a draft, scheduled or failed post changes (and is a draft again). */
export const updatePublicationSchema = z.object({
  caption: z.string().max(2200).optional(),
  media: z.array(publicationMediaSchema).max(10).optional(),
});
export type UpdatePublication = z.input<typeof updatePublicationSchema>;

/** `POST /publishing/posts/<id>/schedule`: it goes out at this time (in the future). */
export const schedulePublicationSchema = z.object({ scheduled_at: timestampSchema });
export type SchedulePublication = z.infer<typeof schedulePublicationSchema>;

export const publicationResponseSchema = z.object({ publication: publicationSchema });
export type PublicationResponse = z.infer<typeof publicationResponseSchema>;

export const deletedPublicationSchema = z.object({ deleted: z.literal(true) });
export type DeletedPublication = z.infer<typeof deletedPublicationSchema>;

/** `GET /publishing/accounts/<id>/quota`: Instagram's publishing limit as it stands (§7). */
export const publishingQuotaSchema = z.object({
  quota_usage: z.number().int().nonnegative(),
  quota_total: z.number().int().positive(),
  quota_duration_seconds: z.number().int().positive(),
});
export type PublishingQuota = z.infer<typeof publishingQuotaSchema>;

/** publishing-process-scheduled on demand: only these posts (the cron passes none: all). */
export const processPublicationsRequestSchema = z.object({
  ids: z.array(idSchema).max(100).optional(),
});

/** publishing-process-scheduled: one pass over the due posts (the cron's, or on demand). */
export const processPublicationsResponseSchema = z.object({
  claimed: z.number().int().nonnegative(),
  published: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** runs that stopped half way, marked failed rather than published twice */
  interrupted: z.number().int().nonnegative(),
});
export type ProcessPublicationsResponse = z.infer<typeof processPublicationsResponseSchema>;
