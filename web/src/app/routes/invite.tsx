import { Navigate, useParams } from "react-router";
import { AuthLayout } from "@/components/layouts/auth-layout.tsx";
import { Button } from "@/components/ui/button.tsx";
import { paths } from "@/config/paths.ts";
import { useSignOut } from "@/features/auth/api/sign-out.ts";
import { useSession } from "@/features/auth/hooks/use-session.ts";
import { InvitationPanel } from "@/features/workspaces/components/invitation-panel.tsx";

// /invite/<token>: reached signed in (ProtectedRoute sends others to sign in or sign up and
// back here), whether or not the person belongs to a workspace yet.
export function InviteRoute() {
  const { token } = useParams();
  const { session } = useSession();
  const email = session?.user.email ?? "";
  if (!token) return <Navigate to={paths.app.messages.getHref()} replace />;

  return (
    <AuthLayout
      title="Join a workspace"
      subtitle="DM Desk is your team's shared inbox for Instagram DMs."
      footer={`Signed in as ${email}`}
    >
      <InvitationPanel token={token} signedInEmail={email} switchAccount={<SwitchAccount />} />
    </AuthLayout>
  );
}

// Signing out brings the invitee to sign-in, which returns here once they are the right person.
function SwitchAccount() {
  const signOut = useSignOut();
  return (
    <Button
      variant="secondary"
      className="w-full"
      isPending={signOut.isPending}
      pendingLabel="Signing out…"
      onClick={() => signOut.mutate()}
    >
      Sign in with another account
    </Button>
  );
}
