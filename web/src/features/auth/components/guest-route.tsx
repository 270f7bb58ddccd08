import { Navigate, Outlet, useSearchParams } from "react-router";
import { FullPageSpinner } from "@/components/ui/full-page-spinner.tsx";
import { useSession } from "@/features/auth/hooks/use-session.ts";
import { resolveRedirectTarget } from "@/features/auth/utils/redirect-target.ts";

// Wraps the sign-in and sign-up screens, which make no sense once someone is signed in.
export function GuestRoute() {
  const { status } = useSession();
  const [searchParams] = useSearchParams();

  if (status === "loading") return <FullPageSpinner />;
  if (status === "authenticated") {
    return <Navigate to={resolveRedirectTarget(searchParams.get("redirectTo"))} replace />;
  }
  return <Outlet />;
}
