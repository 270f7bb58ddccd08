import { Link, useNavigate, useSearchParams } from "react-router";
import { AuthLayout } from "@/components/layouts/auth-layout.tsx";
import { paths } from "@/config/paths.ts";
import { SignInForm } from "@/features/auth/components/sign-in-form.tsx";
import { resolveRedirectTarget } from "@/features/auth/utils/redirect-target.ts";

export function SignInRoute() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo");

  return (
    <AuthLayout
      title="Sign in to DM Desk"
      subtitle="Your team's shared inbox for Instagram DMs."
      footer={
        <>
          New to DM Desk?{" "}
          <Link
            to={paths.auth.signUp.getHref(redirectTo)}
            className="font-medium text-indigo-600 dark:text-indigo-400 hover:text-indigo-500"
          >
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm
        onSuccess={() => navigate(resolveRedirectTarget(redirectTo), { replace: true })}
      />
    </AuthLayout>
  );
}
