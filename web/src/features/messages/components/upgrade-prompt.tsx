import { Lock } from "lucide-react";
import { Link } from "react-router";
import { paths } from "@/config/paths.ts";

type UpgradePromptProps = { planName: string | null; isOwner: boolean };

/** The inbox on a plan without instagram_messaging: what it takes, and the way there. */
export function UpgradePrompt({ planName, isOwner }: UpgradePromptProps) {
  return (
    <div className="flex flex-1 items-center justify-center bg-white p-6 dark:bg-zinc-950">
      <div className="w-full max-w-sm rounded-lg border border-zinc-200 p-4 text-center dark:border-zinc-800">
        <span className="mx-auto flex size-8 items-center justify-center rounded-full bg-indigo-50 text-indigo-600 dark:bg-indigo-950 dark:text-indigo-300">
          <Lock className="size-4" aria-hidden="true" />
        </span>
        <h2 className="mt-2 text-sm font-semibold text-zinc-900 dark:text-zinc-50">
          Instagram DMs are part of the Team plan
        </h2>
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {`This workspace is on the ${planName ?? "Free"} plan. `}
          {isOwner
            ? "Upgrade to answer Instagram DMs together, with templates and lead capture."
            : "Ask the workspace owner to upgrade to answer Instagram DMs together."}
        </p>
        <Link
          to={paths.app.settingsPlan.getHref()}
          className="mt-3 inline-flex h-7 items-center rounded-md bg-indigo-600 px-2.5 text-xs font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          {isOwner ? "Upgrade in Settings › Plan" : "See plans"}
        </Link>
      </div>
    </div>
  );
}
