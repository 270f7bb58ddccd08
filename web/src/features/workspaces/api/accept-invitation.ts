import { useMutation, type UseMutationOptions, useQueryClient } from "@tanstack/react-query";
import {
  type AcceptInvitationResponse,
  acceptInvitationResponseSchema,
} from "@dm-desk/shared/contracts/workspaces";
import { workspaceKeys } from "@/features/workspaces/api/keys.ts";
import { selectWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction } from "@/lib/functions.ts";

export async function acceptInvitation(token: string): Promise<AcceptInvitationResponse> {
  return await invokeFunction("workspaces/invitations/accept", acceptInvitationResponseSchema, {
    method: "POST",
    body: { token },
  });
}

type Options = Omit<UseMutationOptions<AcceptInvitationResponse, AppError, string>, "mutationFn">;

// The IMO just joined becomes the current one.
export function useAcceptInvitation(options: Options = {}) {
  const queryClient = useQueryClient();
  return useMutation<AcceptInvitationResponse, AppError, string>({
    ...options,
    mutationFn: acceptInvitation,
    onSuccess: async (...args) => {
      selectWorkspace(args[0].imo_id);
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
      await options.onSuccess?.(...args);
    },
  });
}
