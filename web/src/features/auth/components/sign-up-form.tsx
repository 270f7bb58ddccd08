import { Alert } from "@/components/ui/alert.tsx";
import { signUpInputSchema, useSignUp } from "@/features/auth/api/sign-up.ts";
import { CredentialsForm } from "@/features/auth/components/credentials-form.tsx";

export function SignUpForm({ onSuccess }: { onSuccess: () => void }) {
  const signUp = useSignUp({
    onSuccess: (result) => {
      if (!result.needsEmailConfirmation) onSuccess();
    },
  });

  const notice = signUp.data?.needsEmailConfirmation
    ? (
      <Alert tone="success">
        Check your inbox: we sent you a link to confirm your email address.
      </Alert>
    )
    : null;

  return (
    <CredentialsForm
      schema={signUpInputSchema}
      submitLabel="Create account"
      pendingLabel="Creating account…"
      passwordAutoComplete="new-password"
      isPending={signUp.isPending}
      serverError={signUp.error?.message}
      notice={notice}
      onSubmit={(values) => signUp.mutate(values)}
    />
  );
}
