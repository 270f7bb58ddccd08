import { z } from "zod";
import { idSchema, timestampSchema } from "../schemas/common.ts";
import { imoRoleSchema, subscriptionStatusSchema } from "../schemas/enums.ts";
import { planFeaturesSchema } from "../schemas/subscription-plan.ts";

/**
 * The `workspaces` function: creating an IMO, its members, invitations and plan. One contract file
 * for its routes (each named in the comment above its schemas), shared by the function, the SPA
 * and the tests.
 */

/** POST workspaces: a signed-in user creates an IMO on the Free plan and becomes its owner. */
export const createWorkspaceInputSchema = z.object({
  name: z.string().trim().min(1, "Name your workspace").max(120, "At most 120 characters"),
});
export type CreateWorkspaceInput = z.input<typeof createWorkspaceInputSchema>;

export const createWorkspaceResponseSchema = z.object({
  workspace: z.object({ imo_id: idSchema, name: z.string(), slug: z.string() }),
});
export type CreateWorkspaceResponse = z.infer<typeof createWorkspaceResponseSchema>;

/** An invitation as owners and admins see it (never its token). */
export const invitationSchema = z.object({
  id: idSchema,
  email: z.string(),
  role: imoRoleSchema,
  created_at: timestampSchema,
  expires_at: timestampSchema,
  /** null when the inviter has left */
  invited_by_email: z.string().nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** GET workspaces/<imo>/members: everyone in the IMO, and (owners and admins only) open invitations. */
export const membersResponseSchema = z.object({
  members: z.array(z.object({
    user_id: idSchema,
    email: z.string(),
    display_name: z.string().nullable(),
    role: imoRoleSchema,
    joined_at: timestampSchema,
  })),
  invitations: z.array(invitationSchema),
});
export type MembersResponse = z.infer<typeof membersResponseSchema>;
export type Member = MembersResponse["members"][number];

/** POST workspaces/<imo>/members/<user>/role */
export const changeRoleInputSchema = z.object({ role: imoRoleSchema });
export type ChangeRoleInput = z.infer<typeof changeRoleInputSchema>;
export const changeRoleResponseSchema = z.object({ user_id: idSchema, role: imoRoleSchema });

/** POST workspaces/<imo>/members/<user>/remove */
export const removeMemberResponseSchema = z.object({ user_id: idSchema, removed: z.literal(true) });

/** POST workspaces/<imo>/invitations: invite an address with a role. */
export const createInvitationInputSchema = z.object({
  email: z.string().trim().toLowerCase().max(320, "At most 320 characters")
    .pipe(z.email("Enter an email address")),
  role: imoRoleSchema,
});
export type CreateInvitationInput = z.input<typeof createInvitationInputSchema>;

/**
 * The token is in this answer only (the database keeps its SHA-256): the SPA shows the link to
 * copy, or a mail provider would send it (README "Invitations").
 */
export const createInvitationResponseSchema = z.object({
  invitation: invitationSchema,
  token: z.string(),
});
export type CreateInvitationResponse = z.infer<typeof createInvitationResponseSchema>;

/** POST workspaces/<imo>/invitations/<id>/revoke */
export const revokeInvitationResponseSchema = z.object({ id: idSchema, revoked: z.literal(true) });

/** An invitation link's token: 32 random bytes, base64url. Sent in bodies, never in a URL path. */
export const invitationTokenSchema = z.string().regex(
  /^[A-Za-z0-9_-]{43}$/,
  "This invitation link is incomplete: copy the whole link",
);
export const invitationTokenInputSchema = z.object({ token: invitationTokenSchema });

/** POST workspaces/invitations/preview: what the link shows to the signed-in holder. */
export const invitationPreviewSchema = z.object({
  imo_name: z.string(),
  role: imoRoleSchema,
  email: z.string(),
  expires_at: timestampSchema,
  state: z.enum(["pending", "expired", "accepted", "revoked"]),
  /** the caller's confirmed email is the invited address */
  is_for_caller: z.boolean(),
  is_member: z.boolean(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** POST workspaces/invitations/accept */
export const acceptInvitationResponseSchema = z.object({ imo_id: idSchema, role: imoRoleSchema });
export type AcceptInvitationResponse = z.infer<typeof acceptInvitationResponseSchema>;

/** A plan an owner may choose, with what it unlocks. */
export const offeredPlanSchema = z.object({
  code: z.string(),
  name: z.string(),
  monthly_price_cents: z.number().int().nonnegative(),
  features: planFeaturesSchema,
});
export type OfferedPlan = z.infer<typeof offeredPlanSchema>;

/** GET workspaces/<imo>/plan: the current plan, the offered ones and (owners, admins) the history. */
export const planResponseSchema = z.object({
  current: z.object({
    plan_code: z.string(),
    plan_name: z.string(),
    status: subscriptionStatusSchema,
  }).nullable(),
  plans: z.array(offeredPlanSchema),
  changes: z.array(z.object({
    from_plan_code: z.string().nullable(),
    to_plan_code: z.string(),
    changed_by_email: z.string().nullable(),
    changed_at: timestampSchema,
  })),
});
export type PlanResponse = z.infer<typeof planResponseSchema>;

/** POST workspaces/<imo>/plan: owners only; takes effect at once (no payment is collected). */
export const changePlanInputSchema = z.object({ plan_code: z.string().regex(/^[a-z_]+$/) });
export type ChangePlanInput = z.infer<typeof changePlanInputSchema>;
export const changePlanResponseSchema = z.object({
  plan_code: z.string(),
  from_plan_code: z.string().nullable(),
  changed: z.boolean(),
});
export type ChangePlanResponse = z.infer<typeof changePlanResponseSchema>;
