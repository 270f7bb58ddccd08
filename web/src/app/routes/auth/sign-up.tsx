import { Link, useNavigate, useSearchParams } from "react-router";
import { AuthLayout } from "@/components/layouts/auth-layout.tsx";
import { paths } from "@/config/paths.ts";
import { SignUpForm } from "@/features/auth/components/sign-up-form.tsx";
import { resolveRedirectTarget } from "@/features/auth/utils/redirect-target.ts";

export function SignUpRoute() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo");

  return (
    <AuthLayout
      title="Create your account"
      subtitle="Answer every recruit's DM from one shared inbox."
      footer={
        <>
          Already have an account?{" "}
          <Link
            to={paths.auth.signIn.getHref(redirectTo)}
            className="font-medium text-indigo-600 dark:text-indigo-400 hover:text-indigo-500"
          >
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm
        onSuccess={() => navigate(resolveRedirectTarget(redirectTo), { replace: true })}
      />
    </AuthLayout>
  );
}
