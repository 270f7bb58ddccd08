import { useMutation, type UseMutationOptions, useQueryClient } from "@tanstack/react-query";
import {
  type ChangePlanResponse,
  changePlanResponseSchema,
} from "@dm-desk/shared/contracts/workspaces";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction } from "@/lib/functions.ts";

export type ChangePlanVariables = { imoId: string; planCode: string };

export async function changePlan(
  { imoId, planCode }: ChangePlanVariables,
): Promise<ChangePlanResponse> {
  return await invokeFunction(`workspaces/${imoId}/plan`, changePlanResponseSchema, {
    method: "POST",
    body: { plan_code: planCode },
  });
}

type Options = Omit<
  UseMutationOptions<ChangePlanResponse, AppError, ChangePlanVariables>,
  "mutationFn"
>;

// A plan change takes effect at once and changes what every screen may offer (the workspace's
// features come with my-workspaces), so everything is refetched.
export function useChangePlan(options: Options = {}) {
  const queryClient = useQueryClient();
  return useMutation<ChangePlanResponse, AppError, ChangePlanVariables>({
    ...options,
    mutationFn: changePlan,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries();
      await options.onSuccess?.(...args);
    },
  });
}
