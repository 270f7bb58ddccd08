import { useMutation, type UseMutationOptions, useQueryClient } from "@tanstack/react-query";
import {
  type CreateWorkspaceInput,
  createWorkspaceInputSchema,
  type CreateWorkspaceResponse,
  createWorkspaceResponseSchema,
} from "@dm-desk/shared/contracts/workspaces";
import { workspaceKeys } from "@/features/workspaces/api/keys.ts";
import { selectWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export { createWorkspaceInputSchema };
export type { CreateWorkspaceInput };

export async function createWorkspace(
  input: CreateWorkspaceInput,
): Promise<CreateWorkspaceResponse> {
  const body = parseInput(createWorkspaceInputSchema, input);
  return await invokeFunction("workspaces", createWorkspaceResponseSchema, {
    method: "POST",
    body,
  });
}

type Options = Omit<
  UseMutationOptions<CreateWorkspaceResponse, AppError, CreateWorkspaceInput>,
  "mutationFn"
>;

// The new IMO becomes the current one, so the creator lands straight in it.
export function useCreateWorkspace(options: Options = {}) {
  const queryClient = useQueryClient();
  return useMutation<CreateWorkspaceResponse, AppError, CreateWorkspaceInput>({
    ...options,
    mutationFn: createWorkspace,
    onSuccess: async (...args) => {
      selectWorkspace(args[0].workspace.imo_id);
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
      await options.onSuccess?.(...args);
    },
  });
}
