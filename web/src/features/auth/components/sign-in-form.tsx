import { signInInputSchema, useSignIn } from "@/features/auth/api/sign-in.ts";
import { CredentialsForm } from "@/features/auth/components/credentials-form.tsx";

export function SignInForm({ onSuccess }: { onSuccess: () => void }) {
  const signIn = useSignIn({ onSuccess: () => onSuccess() });

  return (
    <CredentialsForm
      schema={signInInputSchema}
      submitLabel="Sign in"
      pendingLabel="Signing in…"
      passwordAutoComplete="current-password"
      isPending={signIn.isPending}
      serverError={signIn.error?.message}
      onSubmit={(values) => signIn.mutate(values)}
    />
  );
}
