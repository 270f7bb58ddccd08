import { removeMemberResponseSchema } from "@dm-desk/shared/contracts/workspaces";
import { z } from "zod";
import {
  type MemberMutationOptions,
  useMemberMutation,
} from "@/features/members/api/use-member-mutation.ts";
import { invokeFunction } from "@/lib/functions.ts";

export type RemoveMemberInput = { imoId: string; userId: string };
type RemoveMemberResponse = z.infer<typeof removeMemberResponseSchema>;

export async function removeMember(
  { imoId, userId }: RemoveMemberInput,
): Promise<RemoveMemberResponse> {
  return await invokeFunction(
    `workspaces/${imoId}/members/${userId}/remove`,
    removeMemberResponseSchema,
    { method: "POST", body: {} },
  );
}

export function useRemoveMember(
  options: MemberMutationOptions<RemoveMemberResponse, RemoveMemberInput> = {},
) {
  return useMemberMutation(removeMember, options);
}
