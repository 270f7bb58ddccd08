import { Images } from "lucide-react";
import { Avatar } from "@/components/ui/avatar.tsx";
import { BlueskyIcon, InstagramIcon } from "@/components/ui/brand-icons.tsx";
import type { PublicationMedia } from "@dm-desk/shared/rules/publishing";
import type { PublishingAccount } from "@/features/publishing/utils/publishing-account.ts";

type PostPreviewProps = {
  /** every Instagram and Bluesky account of the workspace */
  accounts: PublishingAccount[];
  selected: string[];
  caption: string;
  media: PublicationMedia[];
};

// How the post will look on each chosen account: its picture and username above the image (a
// carousel shows its count) and the caption. A platform without a connected account says so.
export function PostPreview({ accounts, selected, caption, media }: PostPreviewProps) {
  const chosen = accounts.filter((account) => selected.includes(account.id));
  const missing = (["instagram", "bluesky"] as const).filter((platform) =>
    !accounts.some((account) => account.platform === platform && account.status === "connected")
  );
  return (
    <section aria-label="Preview" className="space-y-2">
      <h2 className="text-[11px] font-medium text-zinc-600 dark:text-zinc-300">Preview</h2>
      {chosen.length === 0 && (
        <p className="rounded-md border border-dashed border-zinc-300 p-4 text-center text-[11px] text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
          Choose an account to see the post as it will look.
        </p>
      )}
      {chosen.map((account) =>
        account.platform === "instagram"
          ? <InstagramPreview key={account.id} account={account} caption={caption} media={media} />
          : <BlueskyPreview key={account.id} account={account} caption={caption} media={media} />
      )}
      {missing.map((platform) => (
        <p
          key={platform}
          className="flex items-center gap-1.5 rounded-md bg-zinc-50 px-2 py-1.5 text-[10px] text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400"
        >
          {platform === "instagram"
            ? <InstagramIcon className="size-3" />
            : <BlueskyIcon className="size-3" />}
          {platform === "instagram" ? "Instagram" : "Bluesky"}{" "}
          is not connected: connect it in Settings › Channels to post there.
        </p>
      ))}
    </section>
  );
}

type OnePreviewProps = { account: PublishingAccount; caption: string; media: PublicationMedia[] };

function AccountLine({ account }: { account: PublishingAccount }) {
  const Icon = account.platform === "instagram" ? InstagramIcon : BlueskyIcon;
  return (
    <div className="flex items-center gap-2 px-2.5 py-2">
      <Avatar
        name={account.username ?? "?"}
        src={account.profile_picture_url}
        className="size-7 text-[10px]"
      />
      <div className="min-w-0 flex-1 leading-tight">
        <p className="truncate text-xs font-semibold text-zinc-900 dark:text-zinc-50">
          {account.display_name ?? account.username}
        </p>
        <p className="truncate text-[10px] text-zinc-500 dark:text-zinc-400">@{account.username}</p>
      </div>
      <Icon className="size-4 text-zinc-400" />
    </div>
  );
}

function InstagramPreview({ account, caption, media }: OnePreviewProps) {
  const cover = media.find((item) => item.url);
  return (
    <article
      aria-label={`Instagram preview for @${account.username}`}
      className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <AccountLine account={account} />
      <div className="relative aspect-square bg-zinc-100 dark:bg-zinc-800">
        {cover
          ? <img src={cover.url} alt={cover.alt_text} className="size-full object-cover" />
          : (
            <p className="flex size-full items-center justify-center text-[11px] text-zinc-400">
              No image yet
            </p>
          )}
        {media.length > 1 && (
          <span className="absolute top-2 right-2 inline-flex items-center gap-1 rounded-full bg-black/60 px-1.5 py-0.5 text-[10px] text-white">
            <Images className="size-3" aria-hidden="true" /> 1/{media.length}
          </span>
        )}
      </div>
      <p className="line-clamp-3 px-2.5 py-2 text-[11px] whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">
        <span className="font-semibold">{account.username}</span> {caption}
      </p>
    </article>
  );
}

function BlueskyPreview({ account, caption, media }: OnePreviewProps) {
  const shown = media.filter((item) => item.url).slice(0, 4);
  return (
    <article
      aria-label={`Bluesky preview for @${account.username}`}
      className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <AccountLine account={account} />
      <p className="px-2.5 pb-2 text-xs whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">
        {caption || <span className="text-zinc-400">Your post's text</span>}
      </p>
      {shown.length > 0 && (
        <div className={`grid gap-0.5 px-2.5 pb-2.5 ${shown.length > 1 ? "grid-cols-2" : ""}`}>
          {shown.map((item, index) => (
            <img
              key={index}
              src={item.url}
              alt={item.alt_text}
              className="aspect-video w-full rounded object-cover"
            />
          ))}
        </div>
      )}
    </article>
  );
}
