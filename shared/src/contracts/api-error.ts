import { z } from "zod";

/** The one error body every function returns: `{"error":{"code","message","details"}}`. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().nullable(),
    /** on plan_required: the cheapest plan that has the feature */
    required: z.string().optional(),
  }),
});

export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/** A field-level problem inside `details` of a 400/422. */
export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;
