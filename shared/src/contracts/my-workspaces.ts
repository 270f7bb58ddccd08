import { z } from "zod";
import { imoRoleSchema } from "../schemas/enums.ts";
import { planFeaturesSchema } from "../schemas/subscription-plan.ts";

/** The IMOs the signed-in user belongs to, with their role and what their plan allows. */
export const myWorkspacesResponseSchema = z.object({
  workspaces: z.array(z.object({
    imo_id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    role: imoRoleSchema,
    plan_code: z.string().nullable(),
    plan_name: z.string().nullable(),
    features: planFeaturesSchema,
  })),
});
export type MyWorkspacesResponse = z.infer<typeof myWorkspacesResponseSchema>;
export type MyWorkspace = MyWorkspacesResponse["workspaces"][number];
