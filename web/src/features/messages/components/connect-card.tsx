import { Camera } from "lucide-react";
import { Link } from "react-router";
import { paths } from "@/config/paths.ts";
import { InboxNotice, NOTICE_ACTION } from "@/features/messages/components/inbox-notice.tsx";

/** The inbox before any Instagram account is connected: what to do, and where. */
export function ConnectCard({ canConnect }: { canConnect: boolean }) {
  return (
    <InboxNotice
      icon={<Camera className="size-4" aria-hidden="true" />}
      title="Connect an Instagram account"
    >
      <p>Connect an Instagram account in Settings to start receiving DMs.</p>
      <ol className="mt-2 list-decimal space-y-0.5 pl-4 text-[11px]">
        <li>Use an Instagram professional account (Business or Creator).</li>
        <li>Allow access to messages in the Instagram app's privacy settings.</li>
        <li>Connecting with Facebook? The Page must have the Instagram account linked to it.</li>
      </ol>
      {canConnect
        ? (
          <Link to={paths.app.settings.getHref()} className={NOTICE_ACTION}>
            Go to Settings › Channels
          </Link>
        )
        : (
          <p className="mt-3 text-[11px] text-zinc-500">
            Ask a workspace owner or admin to connect one in Settings › Channels.
          </p>
        )}
    </InboxNotice>
  );
}
