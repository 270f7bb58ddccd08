import { changeRoleResponseSchema } from "@dm-desk/shared/contracts/workspaces";
import type { ImoRole } from "@dm-desk/shared/schemas/enums";
import { z } from "zod";
import {
  type MemberMutationOptions,
  useMemberMutation,
} from "@/features/members/api/use-member-mutation.ts";
import { invokeFunction } from "@/lib/functions.ts";

export type ChangeMemberRoleInput = { imoId: string; userId: string; role: ImoRole };
type ChangeMemberRoleResponse = z.infer<typeof changeRoleResponseSchema>;

export async function changeMemberRole(
  { imoId, userId, role }: ChangeMemberRoleInput,
): Promise<ChangeMemberRoleResponse> {
  return await invokeFunction(
    `workspaces/${imoId}/members/${userId}/role`,
    changeRoleResponseSchema,
    { method: "POST", body: { role } },
  );
}

export function useChangeMemberRole(
  options: MemberMutationOptions<ChangeMemberRoleResponse, ChangeMemberRoleInput> = {},
) {
  return useMemberMutation(changeMemberRole, options);
}
