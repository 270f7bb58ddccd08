import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import type { Session } from "@supabase/supabase-js";
import { z } from "zod";
import { type AppError, toAppError } from "@/lib/errors.ts";
import { supabase } from "@/lib/supabase.ts";

// Same password rule as sign-up: a password that could never have been registered is rejected
// without a round trip to GoTrue.
export const signInInputSchema = z.object({
  email: z.email({ error: "Enter a valid email address" }),
  password: z.string()
    .min(1, { error: "Enter your password" })
    .min(6, { error: "Password must be at least 6 characters" }),
});

export type SignInInput = z.infer<typeof signInInputSchema>;

export async function signIn(input: SignInInput): Promise<Session> {
  const { data, error } = await supabase.auth.signInWithPassword(input);
  if (error) throw await toAppError(error);
  return data.session;
}

type UseSignInOptions = Omit<UseMutationOptions<Session, AppError, SignInInput>, "mutationFn">;

export function useSignIn(options: UseSignInOptions = {}) {
  return useMutation<Session, AppError, SignInInput>({ ...options, mutationFn: signIn });
}
