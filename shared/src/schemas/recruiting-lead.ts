import { z } from "zod";
import { idSchema, timestampSchema } from "./common.ts";
import { leadSourceSchema, leadStatusSchema } from "./enums.ts";

/** A row of `recruiting_leads`: a person in the pipeline; `conversation_id` is the DM it came from. */
export const recruitingLeadSchema = z.object({
  id: idSchema,
  imo_id: idSchema,
  full_name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  instagram_username: z.string().nullable(),
  lead_source: leadSourceSchema,
  status: leadStatusSchema,
  notes: z.string().nullable(),
  owner_user_id: idSchema.nullable(),
  created_by: idSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  conversation_id: idSchema.nullable(),
});

export type RecruitingLead = z.infer<typeof recruitingLeadSchema>;
