import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  type MyWorkspace,
  myWorkspacesResponseSchema,
} from "@dm-desk/shared/contracts/my-workspaces";
import { workspaceKeys } from "@/features/workspaces/api/keys.ts";
import { invokeFunction } from "@/lib/functions.ts";

export async function getMyWorkspaces(): Promise<MyWorkspace[]> {
  const { workspaces } = await invokeFunction("my-workspaces", myWorkspacesResponseSchema, {
    method: "GET",
  });
  return workspaces;
}

export function getMyWorkspacesQueryOptions() {
  return queryOptions({ queryKey: workspaceKeys.mine(), queryFn: getMyWorkspaces });
}

export function useMyWorkspaces() {
  return useQuery(getMyWorkspacesQueryOptions());
}
