import { z } from "zod";
import { idSchema, timestampSchema } from "./common.ts";

/** A row of `imos`: a recruiting agency, the tenant every other row belongs to. */
export const imoSchema = z.object({
  id: idSchema,
  name: z.string(),
  slug: z.string(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});

export type Imo = z.infer<typeof imoSchema>;
