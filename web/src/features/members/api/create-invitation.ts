import {
  type CreateInvitationInput,
  createInvitationInputSchema,
  type CreateInvitationResponse,
  createInvitationResponseSchema,
} from "@dm-desk/shared/contracts/workspaces";
import {
  type MemberMutationOptions,
  useMemberMutation,
} from "@/features/members/api/use-member-mutation.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export { createInvitationInputSchema };
export type CreateInvitationVariables = CreateInvitationInput & { imoId: string };

export async function createInvitation(
  { imoId, ...input }: CreateInvitationVariables,
): Promise<CreateInvitationResponse> {
  const body = parseInput(createInvitationInputSchema, input);
  return await invokeFunction(`workspaces/${imoId}/invitations`, createInvitationResponseSchema, {
    method: "POST",
    body,
  });
}

export function useCreateInvitation(
  options: MemberMutationOptions<CreateInvitationResponse, CreateInvitationVariables> = {},
) {
  return useMemberMutation(createInvitation, options);
}
