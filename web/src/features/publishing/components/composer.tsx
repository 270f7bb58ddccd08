import { CalendarClock, Save, Send, X } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "sonner";
import type { PublishingPlatform } from "@dm-desk/shared/rules/publishing";
import { Button } from "@/components/ui/button.tsx";
import { useCreatePublication } from "@/features/publishing/api/create-publication.ts";
import { usePublishPublication } from "@/features/publishing/api/publish-publication.ts";
import { useSchedulePublication } from "@/features/publishing/api/schedule-publication.ts";
import { useUpdatePublication } from "@/features/publishing/api/update-publication.ts";
import { AccountPicker } from "@/features/publishing/components/account-picker.tsx";
import { CaptionField } from "@/features/publishing/components/caption-field.tsx";
import { MediaFields } from "@/features/publishing/components/media-fields.tsx";
import { PostPreview } from "@/features/publishing/components/post-preview.tsx";
import { QuotaNote } from "@/features/publishing/components/quota-note.tsx";
import {
  type ComposerDraft,
  draftProblems,
  emptyDraft,
  maxImages,
} from "@/features/publishing/utils/composer-draft.ts";
import {
  defaultPublishAt,
  fromLocalInput,
  toLocalInput,
} from "@/features/publishing/utils/local-time.ts";
import type { PublishingAccount } from "@/features/publishing/utils/publishing-account.ts";

type ComposerProps = {
  imoId: string;
  accounts: PublishingAccount[];
  draft: ComposerDraft;
  onDraftChange: (draft: ComposerDraft) => void;
  canSchedule: boolean;
};

type Action = "draft" | "publish" | "schedule";

// One post written once for every chosen account: the caption and images, each platform's limits
// live, a preview per account, then "Save draft", "Publish now" or "Schedule" at a time. Each
// account gets its own publication, so one that fails keeps its draft and says why.
export function Composer({ imoId, accounts, draft, onDraftChange, canSchedule }: ComposerProps) {
  const whenId = useId();
  const [when, setWhen] = useState(() => toLocalInput(defaultPublishAt(new Date())));
  const [pending, setPending] = useState<Action | null>(null);
  const create = useCreatePublication(imoId);
  const update = useUpdatePublication(imoId);
  const publish = usePublishPublication(imoId);
  const schedule = useSchedulePublication(imoId);

  const chosen = accounts.filter((account) => draft.accountIds.includes(account.id));
  const platforms = [...new Set(chosen.map((account) => account.platform))] as PublishingPlatform[];
  const problems = draftProblems(draft, platforms);
  const problemAt = new Map(problems.map((problem) => [problem.path, problem.message]));
  const scheduledAt = fromLocalInput(when);
  const isEmpty = !draft.caption.trim() && draft.media.length === 0;
  const set = (patch: Partial<ComposerDraft>) => onDraftChange({ ...draft, ...patch });

  async function submit(action: Action) {
    if (action === "schedule" && (!scheduledAt || scheduledAt.getTime() <= Date.now())) {
      toast.error("Pick a time in the future to schedule the post");
      return;
    }
    setPending(action);
    const content = { caption: draft.caption, media: draft.media };
    const done: string[] = [];
    const savedIds = { ...draft.savedIds };
    for (const account of chosen) {
      const name = `@${account.username ?? account.platform}`;
      try {
        const savedId = draft.editingId ?? savedIds[account.id];
        const { publication } = savedId
          ? await update.mutateAsync({ id: savedId, ...content })
          : await create.mutateAsync({ channel_account_id: account.id, ...content });
        savedIds[account.id] = publication.id;
        if (action === "publish") await publish.mutateAsync(publication.id);
        if (action === "schedule") {
          await schedule.mutateAsync({
            id: publication.id,
            scheduledAt: scheduledAt!.toISOString(),
          });
        }
        done.push(account.id);
      } catch (error) {
        toast.error(`${name}: ${(error as Error).message}`);
      }
    }
    setPending(null);
    for (const id of done) delete savedIds[id];
    if (done.length === 0) return set({ savedIds });
    const verb = action === "publish" ? "Published" : action === "schedule" ? "Scheduled" : "Saved";
    toast.success(`${verb} for ${done.length} account${done.length === 1 ? "" : "s"}`);
    // what went through is in the list below; what did not stays here to fix and try again
    if (done.length === chosen.length) onDraftChange(emptyDraft());
    else {
      set({
        accountIds: draft.accountIds.filter((id) => !done.includes(id)),
        editingId: null,
        savedIds,
      });
    }
  }

  const instagram = chosen.find((account) => account.platform === "instagram");
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <form
        aria-label="Compose a post"
        className="min-w-0 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          void submit("publish");
        }}
      >
        {draft.editingId && (
          <p className="flex items-center justify-between rounded-md bg-indigo-50 px-2 py-1 text-[11px] text-indigo-800 dark:bg-indigo-950/60 dark:text-indigo-200">
            Editing a saved post
            <button
              type="button"
              onClick={() => onDraftChange(emptyDraft())}
              className="inline-flex items-center gap-1 rounded px-1 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              <X className="size-3" aria-hidden="true" /> New post instead
            </button>
          </p>
        )}
        <AccountPicker
          accounts={accounts}
          selected={draft.accountIds}
          locked={draft.editingId !== null}
          onChange={(accountIds) => set({ accountIds })}
        />
        {instagram && <QuotaNote imoId={imoId} accountId={instagram.id} />}
        <CaptionField
          // "Edit" on a post below brings the caption into view with the focus in it
          autoFocus={draft.editingId !== null}
          value={draft.caption}
          platforms={platforms}
          onChange={(caption) => set({ caption })}
        />
        <MediaFields
          media={draft.media}
          max={maxImages(platforms)}
          problems={problemAt}
          onChange={(media) => set({ media })}
        />
        {problems.filter((problem) => !problem.path.startsWith("media.")).length > 0 && (
          <ul className="space-y-0.5 text-[11px] text-red-600 dark:text-red-400" aria-live="polite">
            {problems.filter((problem) =>
              !problem.path.startsWith("media.")
            ).map((problem) => (
              <li key={`${problem.platform}-${problem.message}`}>
                {problem.platform === "instagram" ? "Instagram" : "Bluesky"}: {problem.message}
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-end gap-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
          <Button
            type="submit"
            size="sm"
            disabled={chosen.length === 0 || problems.length > 0 || pending !== null}
            isPending={pending === "publish"}
            pendingLabel="Publishing…"
          >
            <Send className="size-3.5" aria-hidden="true" /> Publish now
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={chosen.length === 0 || isEmpty || pending !== null}
            isPending={pending === "draft"}
            pendingLabel="Saving…"
            onClick={() => void submit("draft")}
          >
            <Save className="size-3.5" aria-hidden="true" /> Save draft
          </Button>
          {canSchedule && (
            <div className="flex items-end gap-1.5">
              <div className="space-y-0.5">
                <label
                  htmlFor={whenId}
                  className="block text-[10px] text-zinc-500 dark:text-zinc-400"
                >
                  Publish at ({Intl.DateTimeFormat().resolvedOptions().timeZone})
                </label>
                <input
                  id={whenId}
                  type="datetime-local"
                  value={when}
                  onChange={(event) => setWhen(event.target.value)}
                  className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-xs text-zinc-900 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-50 dark:[color-scheme:dark]"
                />
              </div>
              <Button
                variant="secondary"
                size="sm"
                disabled={chosen.length === 0 || problems.length > 0 || pending !== null}
                isPending={pending === "schedule"}
                pendingLabel="Scheduling…"
                onClick={() => void submit("schedule")}
              >
                <CalendarClock className="size-3.5" aria-hidden="true" /> Schedule
              </Button>
            </div>
          )}
        </div>
      </form>
      <PostPreview
        accounts={accounts}
        selected={draft.accountIds}
        caption={draft.caption}
        media={draft.media}
      />
    </div>
  );
}
