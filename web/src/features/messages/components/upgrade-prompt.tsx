import { Lock } from "lucide-react";
import { Link } from "react-router";
import { paths } from "@/config/paths.ts";
import { InboxNotice, NOTICE_ACTION } from "@/features/messages/components/inbox-notice.tsx";

type UpgradePromptProps = { planName: string | null; isOwner: boolean };

/** The inbox on a plan without instagram_messaging: what it takes, and the way there. */
export function UpgradePrompt({ planName, isOwner }: UpgradePromptProps) {
  return (
    <InboxNotice
      icon={<Lock className="size-4" aria-hidden="true" />}
      title="Instagram DMs are part of the Team plan"
    >
      <p>
        {`This workspace is on the ${planName ?? "Free"} plan. `}
        {isOwner
          ? "Upgrade to answer Instagram DMs together, with templates and lead capture."
          : "Ask the workspace owner to upgrade to answer Instagram DMs together."}
      </p>
      <Link to={paths.app.settingsPlan.getHref()} className={NOTICE_ACTION}>
        {isOwner ? "Upgrade in Settings › Plan" : "See plans"}
      </Link>
    </InboxNotice>
  );
}
