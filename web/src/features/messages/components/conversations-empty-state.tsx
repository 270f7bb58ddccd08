import { Link } from "react-router";
import { EmptyState } from "@/components/ui/empty-state.tsx";
import { InboxIcon } from "@/components/ui/icons.tsx";
import { paths } from "@/config/paths.ts";

export function ConversationsEmptyState() {
  return (
    <EmptyState
      icon={<InboxIcon className="size-6" />}
      title="No conversations yet"
      description="Connect an Instagram account in Settings to start receiving DMs."
      action={
        <Link
          to={paths.app.settings.getHref()}
          className="inline-flex h-9 items-center rounded-md bg-indigo-600 px-3.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Go to Settings
        </Link>
      }
    />
  );
}
