import { Link2 } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";
import { EmptyState } from "@/components/ui/empty-state.tsx";
import { Composer } from "@/features/publishing/components/composer.tsx";
import { PublicationList } from "@/features/publishing/components/publication-list.tsx";
import { draftFromPublication, emptyDraft } from "@/features/publishing/utils/composer-draft.ts";
import type { PublishingAccount } from "@/features/publishing/utils/publishing-account.ts";

type PublishingViewProps = {
  imoId: string;
  accounts: PublishingAccount[];
  /** owners and admins write posts; everyone else reads the list */
  canWrite: boolean;
  canSchedule: boolean;
  channelsHref: string;
};

// The Publishing page: the composer with its preview (owners and admins), then every post with
// its state. "Edit" on a draft, scheduled or failed post loads it into the composer.
export function PublishingView(
  { imoId, accounts, canWrite, canSchedule, channelsHref }: PublishingViewProps,
) {
  const [draft, setDraft] = useState(emptyDraft);
  const connected = accounts.some((account) => account.status === "connected");
  return (
    <div className="mx-auto w-full max-w-5xl space-y-5 p-3 md:p-6">
      {canWrite && !connected && (
        <EmptyState
          icon={<Link2 className="size-5" aria-hidden="true" />}
          title="Connect an account to post"
          description="Publishing goes to connected Instagram and Bluesky accounts."
          action={
            <Link
              to={channelsHref}
              className="text-sm font-semibold text-indigo-600 hover:underline dark:text-indigo-400"
            >
              Go to Settings › Channels
            </Link>
          }
        />
      )}
      {canWrite && connected && (
        <section
          aria-labelledby="composer-heading"
          className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
        >
          <h2
            id="composer-heading"
            className="mb-2 text-xs font-semibold text-zinc-900 dark:text-zinc-50"
          >
            {draft.editingId ? "Edit post" : "New post"}
          </h2>
          <Composer
            key={draft.editingId ?? "new"}
            imoId={imoId}
            accounts={accounts}
            draft={draft}
            onDraftChange={setDraft}
            canSchedule={canSchedule}
          />
        </section>
      )}
      {!canWrite && (
        <p className="text-[11px] text-zinc-500 dark:text-zinc-400">
          Owners and admins write and publish posts; here is what the workspace has posted.
        </p>
      )}
      <section aria-labelledby="posts-heading" className="space-y-2">
        <h2 id="posts-heading" className="text-xs font-semibold text-zinc-900 dark:text-zinc-50">
          Posts
        </h2>
        <PublicationList
          imoId={imoId}
          canWrite={canWrite}
          onEdit={(publication) => setDraft(draftFromPublication(publication))}
        />
      </section>
    </div>
  );
}
