import type { InvitationPreview } from "@dm-desk/shared/contracts/workspaces";
import type { ReactNode } from "react";
import { useNavigate } from "react-router";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Spinner } from "@/components/ui/spinner.tsx";
import { paths } from "@/config/paths.ts";
import { useAcceptInvitation } from "@/features/workspaces/api/accept-invitation.ts";
import { useInvitationPreview } from "@/features/workspaces/api/preview-invitation.ts";
import { roleLabel } from "@/features/workspaces/utils/describe-workspace.ts";

type InvitationPanelProps = {
  token: string;
  signedInEmail: string;
  /** offered when the invitation is for another address: sign out to sign in as that one */
  switchAccount: ReactNode;
};

// The /invite/<token> page's body: who invites you to what, and the one action that fits.
export function InvitationPanel({ token, signedInEmail, switchAccount }: InvitationPanelProps) {
  const preview = useInvitationPreview(token);

  if (preview.status === "pending") {
    return (
      <div className="flex justify-center py-6 text-neutral-400 dark:text-zinc-500">
        <Spinner className="size-6" />
        <span className="sr-only">Loading the invitation…</span>
      </div>
    );
  }
  if (preview.status === "error") {
    return (
      <div className="space-y-4">
        <Alert>{preview.error.message}</Alert>
        <OpenAppButton label="Go to DM Desk" />
      </div>
    );
  }
  return (
    <InvitationDetails
      token={token}
      invitation={preview.data}
      signedInEmail={signedInEmail}
      switchAccount={switchAccount}
    />
  );
}

function InvitationDetails(
  { token, invitation, signedInEmail, switchAccount }: InvitationPanelProps & {
    invitation: InvitationPreview;
  },
) {
  const navigate = useNavigate();
  const accept = useAcceptInvitation({
    onSuccess: () => {
      toast.success(`Welcome to ${invitation.imo_name}`);
      navigate(paths.app.messages.getHref(), { replace: true });
    },
  });
  const summary = (
    <p className="text-sm leading-6 text-neutral-700 dark:text-zinc-200">
      You're invited to join <strong className="font-semibold">{invitation.imo_name}</strong> as
      {" "}
      {article(invitation.role)}{" "}
      <strong className="font-semibold">{roleLabel(invitation.role)}</strong>.
    </p>
  );

  if (invitation.is_member) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-neutral-700 dark:text-zinc-200">
          You're already a member of <strong>{invitation.imo_name}</strong>.
        </p>
        <OpenAppButton label="Open DM Desk" />
      </div>
    );
  }
  if (invitation.state !== "pending") {
    return (
      <div className="space-y-4">
        {summary}
        <Alert tone="warning">{STATE_MESSAGES[invitation.state]}</Alert>
        <OpenAppButton label="Go to DM Desk" />
      </div>
    );
  }
  if (!invitation.is_for_caller) {
    return (
      <div className="space-y-4">
        {summary}
        <Alert tone="warning">
          {`This invitation was sent to ${invitation.email}, but you're signed in as ${signedInEmail}. Sign in with the invited address to accept it.`}
        </Alert>
        {switchAccount}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {summary}
      {accept.error && <Alert>{accept.error.message}</Alert>}
      <Button
        className="w-full"
        isPending={accept.isPending}
        pendingLabel="Joining…"
        onClick={() => accept.mutate(token)}
      >
        {`Join ${invitation.imo_name}`}
      </Button>
    </div>
  );
}

function OpenAppButton({ label }: { label: string }) {
  const navigate = useNavigate();
  return (
    <Button
      variant="secondary"
      className="w-full"
      onClick={() => navigate(paths.app.messages.getHref(), { replace: true })}
    >
      {label}
    </Button>
  );
}

const STATE_MESSAGES: Record<Exclude<InvitationPreview["state"], "pending">, string> = {
  expired: "This invitation has expired. Ask whoever invited you for a new link.",
  revoked: "This invitation was withdrawn. Ask whoever invited you for a new link.",
  accepted: "This invitation has already been used.",
};

const article = (
  role: InvitationPreview["role"],
) => (role === "admin" || role === "owner" ? "an" : "a");
