import type { InboxConversation } from "@dm-desk/shared/contracts/inbox-conversations";
import { BlueskyIcon } from "@/components/ui/brand-icons.tsx";

/** The butterfly on a Bluesky conversation's avatar; it says whether it is public or a DM. */
export function PlatformBadge(
  { conversation }: { conversation: Pick<InboxConversation, "platform" | "kind"> },
) {
  const label = conversation.kind === "public"
    ? "Bluesky mentions and replies"
    : "Bluesky direct messages";
  return (
    <span
      title={label}
      className="absolute -right-1 -bottom-1 flex size-3.5 items-center justify-center rounded-full border border-white bg-sky-500 text-white dark:border-zinc-950"
    >
      <BlueskyIcon className="size-2.5" />
      <span className="sr-only">{label}</span>
    </span>
  );
}
