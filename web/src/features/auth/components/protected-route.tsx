import { Navigate, Outlet, useLocation } from "react-router";
import { FullPageSpinner } from "@/components/ui/full-page-spinner.tsx";
import { paths } from "@/config/paths.ts";
import { useSession } from "@/features/auth/hooks/use-session.ts";

export function ProtectedRoute() {
  const { status } = useSession();
  const location = useLocation();

  if (status === "loading") return <FullPageSpinner />;
  if (status === "anonymous") {
    const redirectTo = `${location.pathname}${location.search}`;
    return <Navigate to={paths.auth.signIn.getHref(redirectTo)} replace />;
  }
  return <Outlet />;
}
