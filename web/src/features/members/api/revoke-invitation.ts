import { revokeInvitationResponseSchema } from "@dm-desk/shared/contracts/workspaces";
import { z } from "zod";
import {
  type MemberMutationOptions,
  useMemberMutation,
} from "@/features/members/api/use-member-mutation.ts";
import { invokeFunction } from "@/lib/functions.ts";

export type RevokeInvitationInput = { imoId: string; invitationId: string };
type RevokeInvitationResponse = z.infer<typeof revokeInvitationResponseSchema>;

export async function revokeInvitation(
  { imoId, invitationId }: RevokeInvitationInput,
): Promise<RevokeInvitationResponse> {
  return await invokeFunction(
    `workspaces/${imoId}/invitations/${invitationId}/revoke`,
    revokeInvitationResponseSchema,
    { method: "POST", body: {} },
  );
}

export function useRevokeInvitation(
  options: MemberMutationOptions<RevokeInvitationResponse, RevokeInvitationInput> = {},
) {
  return useMemberMutation(revokeInvitation, options);
}
