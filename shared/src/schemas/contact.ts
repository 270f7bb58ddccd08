import { z } from "zod";
import { idSchema, timestampSchema } from "./common.ts";

/** A row of `contacts`: a person as seen by one channel account (IGSIDs are per account). */
export const contactSchema = z.object({
  id: idSchema,
  imo_id: idSchema,
  channel_account_id: idSchema,
  external_id: z.string(),
  username: z.string().nullable(),
  display_name: z.string().nullable(),
  profile_picture_url: z.string().nullable(),
  follower_count: z.number().int().nonnegative().nullable(),
  is_verified: z.boolean().nullable(),
  is_user_follow_business: z.boolean().nullable(),
  is_business_follow_user: z.boolean().nullable(),
  profile_fetched_at: timestampSchema.nullable(),
  profile_fetch_attempts: z.number().int(),
  profile_fetch_error: z.string().nullable(),
  is_priority: z.boolean(),
  recruiting_lead_id: idSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});

export type Contact = z.infer<typeof contactSchema>;
