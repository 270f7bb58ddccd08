import { Avatar } from "@/components/ui/avatar.tsx";
import { BlueskyIcon, InstagramIcon } from "@/components/ui/brand-icons.tsx";
import type { PublishingAccount } from "@/features/publishing/utils/publishing-account.ts";

type AccountPickerProps = {
  accounts: PublishingAccount[];
  selected: string[];
  /** editing a saved post: its account is fixed */
  locked: boolean;
  onChange: (ids: string[]) => void;
};

const PLATFORMS = [
  { platform: "instagram", label: "Instagram", Icon: InstagramIcon },
  { platform: "bluesky", label: "Bluesky", Icon: BlueskyIcon },
] as const;

// One toggle per connected account; a platform with no connected account is shown switched off
// with the reason, so nobody writes a post for a channel that cannot take it.
export function AccountPicker({ accounts, selected, locked, onChange }: AccountPickerProps) {
  const toggle = (id: string) =>
    onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-[11px] font-medium text-zinc-600 dark:text-zinc-300">Post to</legend>
      <div className="flex flex-wrap gap-1.5">
        {PLATFORMS.map(({ platform, label, Icon }) => {
          const own = accounts.filter((account) => account.platform === platform);
          if (own.length === 0) {
            return (
              <span
                key={platform}
                aria-disabled="true"
                className="inline-flex items-center gap-1.5 rounded-full border border-dashed border-zinc-300 px-2.5 py-1 text-[11px] text-zinc-400 dark:border-zinc-700 dark:text-zinc-500"
              >
                <Icon className="size-3.5" />
                {label}: not connected
              </span>
            );
          }
          return own.map((account) => {
            const isOn = selected.includes(account.id);
            const usable = account.status === "connected";
            return (
              <label
                key={account.id}
                className={`inline-flex items-center gap-1.5 rounded-full border px-2 py-1 text-[11px] has-focus-visible:outline-2 has-focus-visible:outline-indigo-600 ${
                  isOn
                    ? "border-indigo-500 bg-indigo-50 text-indigo-700 dark:border-indigo-400 dark:bg-indigo-950/60 dark:text-indigo-200"
                    : "border-zinc-300 text-zinc-700 dark:border-zinc-700 dark:text-zinc-200"
                } ${usable && !locked ? "cursor-pointer" : "cursor-not-allowed opacity-60"}`}
              >
                <input
                  type="checkbox"
                  className="sr-only"
                  checked={isOn}
                  disabled={!usable || locked}
                  onChange={() => toggle(account.id)}
                />
                <Avatar
                  name={account.username ?? label}
                  src={account.profile_picture_url}
                  className="size-4 text-[8px]"
                />
                <Icon className="size-3.5" />
                <span>@{account.username ?? label}</span>
                {!usable && <span className="text-red-600 dark:text-red-400">· reconnect</span>}
              </label>
            );
          });
        })}
      </div>
    </fieldset>
  );
}
