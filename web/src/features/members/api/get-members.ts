import { queryOptions, useQuery } from "@tanstack/react-query";
import { type MembersResponse, membersResponseSchema } from "@dm-desk/shared/contracts/workspaces";
import { memberKeys } from "@/features/members/api/keys.ts";
import { invokeFunction } from "@/lib/functions.ts";

export async function getMembers(imoId: string): Promise<MembersResponse> {
  return await invokeFunction(`workspaces/${imoId}/members`, membersResponseSchema, {
    method: "GET",
  });
}

export function membersQueryOptions(imoId: string) {
  return queryOptions({
    queryKey: memberKeys.list(imoId),
    queryFn: () => getMembers(imoId),
    enabled: Boolean(imoId),
  });
}

export function useMembers(imoId: string) {
  return useQuery(membersQueryOptions(imoId));
}
