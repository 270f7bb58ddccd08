import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import { type AppError, toAppError } from "@/lib/errors.ts";
import { supabase } from "@/lib/supabase.ts";

export async function signOut(): Promise<void> {
  const { error } = await supabase.auth.signOut();
  if (error) throw await toAppError(error);
}

type UseSignOutOptions = Omit<UseMutationOptions<void, AppError, void>, "mutationFn">;

export function useSignOut(options: UseSignOutOptions = {}) {
  return useMutation<void, AppError, void>({ ...options, mutationFn: signOut });
}
