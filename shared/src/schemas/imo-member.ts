import { z } from "zod";
import { idSchema, timestampSchema } from "./common.ts";
import { imoRoleSchema } from "./enums.ts";

/** A row of `imo_members`: who belongs to an IMO, and as what (`IMO_ROLES` in `enums.ts`). */
export const imoMemberSchema = z.object({
  imo_id: idSchema,
  user_id: idSchema,
  role: imoRoleSchema,
  display_name: z.string().nullable(),
  created_at: timestampSchema,
});

export type ImoMember = z.infer<typeof imoMemberSchema>;
