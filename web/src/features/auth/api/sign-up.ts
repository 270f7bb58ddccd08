import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import { z } from "zod";
import { type AppError, toAppError } from "@/lib/errors.ts";
import { supabase } from "@/lib/supabase.ts";

// Matches GoTrue's default minimum, so the client rejects exactly what the server would.
const MIN_PASSWORD_LENGTH = 6;

export const signUpInputSchema = z.object({
  email: z.email({ error: "Enter a valid email address" }),
  password: z.string().min(MIN_PASSWORD_LENGTH, {
    error: `Password must be at least ${MIN_PASSWORD_LENGTH} characters`,
  }),
});

export type SignUpInput = z.infer<typeof signUpInputSchema>;

export type SignUpResult = {
  // GoTrue returns no session when email confirmation is switched on for the project.
  needsEmailConfirmation: boolean;
};

export async function signUp(input: SignUpInput): Promise<SignUpResult> {
  const { data, error } = await supabase.auth.signUp(input);
  if (error) throw await toAppError(error);
  return { needsEmailConfirmation: data.session === null };
}

type UseSignUpOptions = Omit<UseMutationOptions<SignUpResult, AppError, SignUpInput>, "mutationFn">;

export function useSignUp(options: UseSignUpOptions = {}) {
  return useMutation<SignUpResult, AppError, SignUpInput>({ ...options, mutationFn: signUp });
}
