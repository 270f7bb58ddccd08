import { BlueskyIcon, InstagramIcon } from "@/components/ui/brand-icons.tsx";
import type { InboxChannel } from "@/features/messages/hooks/use-inbox-params.ts";

const TABS: { channel: InboxChannel; label: string }[] = [
  { channel: "instagram", label: "Instagram" },
  { channel: "bluesky", label: "Bluesky" },
  { channel: "all", label: "All channels" },
];

/** Instagram, Bluesky, or both together: shown once the IMO has a Bluesky account. */
export function ChannelTabs(
  { channel, onChange }: { channel: InboxChannel; onChange: (next: InboxChannel) => void },
) {
  return (
    <div
      role="tablist"
      aria-label="Channels"
      className="flex gap-1 border-b border-zinc-200 bg-zinc-50 px-2 pt-1.5 dark:border-zinc-800 dark:bg-zinc-950"
    >
      {TABS.map((tab) => {
        const isSelected = tab.channel === channel;
        return (
          <button
            key={tab.channel}
            type="button"
            role="tab"
            aria-selected={isSelected}
            onClick={() => onChange(tab.channel)}
            className={`-mb-px inline-flex h-6 items-center gap-1 border-b-2 px-1.5 text-[11px] font-medium ${
              isSelected
                ? "border-indigo-600 text-zinc-900 dark:text-zinc-50"
                : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"
            }`}
          >
            {tab.channel === "instagram" && <InstagramIcon className="size-3" />}
            {tab.channel === "bluesky" && <BlueskyIcon className="size-3" />}
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
