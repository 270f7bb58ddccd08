import { Camera } from "lucide-react";
import { Link } from "react-router";
import { paths } from "@/config/paths.ts";

/** The inbox before any Instagram account is connected: what to do, and where. */
export function ConnectCard({ canConnect }: { canConnect: boolean }) {
  return (
    <div className="flex flex-1 items-center justify-center bg-white p-6 dark:bg-zinc-950">
      <div className="w-full max-w-sm rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <div className="flex items-center gap-2">
          <span className="flex size-8 items-center justify-center rounded-full bg-pink-50 text-pink-600 dark:bg-pink-950 dark:text-pink-300">
            <Camera className="size-4" aria-hidden="true" />
          </span>
          <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-50">
            Connect an Instagram account
          </h2>
        </div>
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          Connect an Instagram account in Settings to start receiving DMs.
        </p>
        <ol className="mt-2 list-decimal space-y-0.5 pl-4 text-[11px] text-zinc-600 dark:text-zinc-400">
          <li>Use an Instagram professional account (Business or Creator).</li>
          <li>Allow access to messages in the Instagram app's privacy settings.</li>
          <li>
            Connecting with Facebook? The Page must have the Instagram account linked to it.
          </li>
        </ol>
        {canConnect
          ? (
            <Link
              to={paths.app.settings.getHref()}
              className="mt-3 inline-flex h-7 items-center rounded-md bg-indigo-600 px-2.5 text-xs font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              Go to Settings › Channels
            </Link>
          )
          : (
            <p className="mt-3 text-[11px] text-zinc-500">
              Ask a workspace owner or admin to connect one in Settings › Channels.
            </p>
          )}
      </div>
    </div>
  );
}
