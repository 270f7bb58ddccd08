import { z } from "zod";
import { idSchema } from "../schemas/common.ts";
import { leadSourceSchema, leadStatusSchema } from "../schemas/enums.ts";
import { recruitingLeadSchema } from "../schemas/recruiting-lead.ts";
import { inboxCursorSchema, pageLimitSchema } from "./inbox-cursor.ts";

/** A phone number in E.164: "+", a country code, at most 15 digits in all (spaces and dashes dropped). */
export const e164PhoneSchema = z.string().trim().transform((text) => text.replace(/[\s().-]/g, ""))
  .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, "Use the international format, e.g. +14155550123"));

const nameSchema = z.string().trim().min(1).max(100);

/**
 * A new lead. From a conversation (`conversation_id`): the source is `instagram_dm`, the username
 * comes from the contact, and the lead is linked both ways; otherwise a manual lead.
 */
export const createLeadSchema = z.object({
  imo_id: idSchema,
  first_name: nameSchema,
  last_name: z.string().trim().max(100).default(""),
  email: z.email().max(254),
  phone: e164PhoneSchema,
  notes: z.string().max(4000).optional(),
  conversation_id: idSchema.optional(),
});
export type CreateLead = z.input<typeof createLeadSchema>;

export const updateLeadSchema = z.object({
  id: idSchema,
  full_name: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(254).optional(),
  phone: e164PhoneSchema.optional(),
  status: leadStatusSchema.optional(),
  notes: z.string().max(4000).nullable().optional(),
  owner_user_id: idSchema.nullable().optional(),
});
export type UpdateLead = z.input<typeof updateLeadSchema>;

/** The Leads page: filters combine with "and"; keyset pages newest first. */
export const leadListQuerySchema = z.object({
  imo_id: idSchema,
  status: leadStatusSchema.optional(),
  source: leadSourceSchema.optional(),
  cursor: inboxCursorSchema.optional(),
  limit: pageLimitSchema(100, 50),
});

export const leadQuerySchema = z.object({ id: idSchema });
export const leadPrefillQuerySchema = z.object({ conversation_id: idSchema });

/** What the create dialog starts from: the contact's names as Instagram shows them. */
export const leadPrefillSchema = z.object({
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  instagram_username: z.string().nullable(),
  existing_lead_id: idSchema.nullable(),
  /** what the AI read in the conversation's messages (issue 13); optional: older servers */
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
});
export type LeadPrefill = z.infer<typeof leadPrefillSchema>;

export const leadResponseSchema = z.object({ lead: recruitingLeadSchema });
export const leadListResponseSchema = z.object({
  leads: z.array(recruitingLeadSchema),
  next_cursor: z.string().nullable(),
});
