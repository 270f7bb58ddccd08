import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { FacebookIcon, InstagramIcon } from "@/components/ui/brand-icons.tsx";
import { PlanUpgradeCallout } from "@/components/ui/plan-upgrade-callout.tsx";
import type { ConnectAuthPath } from "@/features/channels/hooks/use-connect-instagram.ts";
import { channelPermissions } from "@/features/channels/utils/permissions.ts";

type ConnectActionsProps = {
  workspace: MyWorkspace;
  pendingPath?: ConnectAuthPath;
  errorMessage?: string;
  onConnect: (authPath: ConnectAuthPath) => void;
};

export function ConnectActions(
  { workspace, pendingPath, errorMessage, onConnect }: ConnectActionsProps,
) {
  const { canManage, planAllows } = channelPermissions(workspace);
  const disabled = !canManage || !planAllows || pendingPath !== undefined;

  return (
    <div className="space-y-3">
      {!planAllows && (
        <PlanUpgradeCallout
          workspace={workspace}
          title="Instagram messaging is part of the Team plan"
          ownerAction="Upgrade to connect Instagram accounts and answer DMs together."
          memberAction="Ask the workspace owner to upgrade to connect Instagram accounts."
        />
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          disabled={disabled}
          isPending={pendingPath === "instagram_login"}
          pendingLabel="Opening Instagram…"
          onClick={() => onConnect("instagram_login")}
        >
          <InstagramIcon className="size-4" />
          Connect Instagram
        </Button>
        <Button
          variant="secondary"
          disabled={disabled}
          isPending={pendingPath === "facebook_login"}
          pendingLabel="Opening Facebook…"
          onClick={() => onConnect("facebook_login")}
        >
          <FacebookIcon className="size-4" />
          Connect with Facebook (Page-linked)
        </Button>
      </div>
      {!canManage && (
        <p className="text-sm text-neutral-500 dark:text-zinc-400">
          Only workspace owners and admins can connect or disconnect accounts.
        </p>
      )}
      {planAllows && canManage && (
        <p className="text-xs text-neutral-500 dark:text-zinc-400">
          Use Facebook if your Instagram professional account is linked to a Facebook Page you
          manage.
        </p>
      )}
      {errorMessage && <Alert>{errorMessage}</Alert>}
    </div>
  );
}
