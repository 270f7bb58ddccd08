import { useMutation, type UseMutationOptions, useQueryClient } from "@tanstack/react-query";
import type { AppError } from "@/lib/errors.ts";

export type MemberMutationOptions<Result, Input> = Omit<
  UseMutationOptions<Result, AppError, Input>,
  "mutationFn"
>;

/**
 * A change to who is in an IMO or as what. Afterwards every query is refetched, not just the
 * members list: a role change (your own, say) changes what every screen lets you do.
 */
export function useMemberMutation<Result, Input>(
  mutationFn: (input: Input) => Promise<Result>,
  options: MemberMutationOptions<Result, Input>,
) {
  const queryClient = useQueryClient();
  return useMutation<Result, AppError, Input>({
    ...options,
    mutationFn,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries();
      await options.onSuccess?.(...args);
    },
  });
}
