import { ExternalLink, Megaphone, Pencil, RotateCcw, Trash2, Undo2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import type { Publication } from "@dm-desk/shared/contracts/publishing";
import { AlertDialog } from "@/components/ui/alert-dialog.tsx";
import { Avatar } from "@/components/ui/avatar.tsx";
import { BlueskyIcon, InstagramIcon } from "@/components/ui/brand-icons.tsx";
import { EmptyState } from "@/components/ui/empty-state.tsx";
import { LoadError } from "@/components/ui/load-error.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { useDeletePublication } from "@/features/publishing/api/delete-publication.ts";
import { usePublications } from "@/features/publishing/api/get-publications.ts";
import { usePublishPublication } from "@/features/publishing/api/publish-publication.ts";
import { useUnschedulePublication } from "@/features/publishing/api/unschedule-publication.ts";
import { formatWhen } from "@/features/publishing/utils/local-time.ts";

type PublicationListProps = {
  imoId: string;
  canWrite: boolean;
  onEdit: (publication: Publication) => void;
};

const STATUS = {
  draft: { label: "Draft", tone: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200" },
  scheduled: {
    label: "Scheduled",
    tone: "bg-indigo-50 text-indigo-700 dark:bg-indigo-950/60 dark:text-indigo-200",
  },
  publishing: {
    label: "Publishing…",
    tone: "bg-amber-50 text-amber-800 dark:bg-amber-950/60 dark:text-amber-200",
  },
  published: {
    label: "Published",
    tone: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950/60 dark:text-emerald-300",
  },
  failed: { label: "Failed", tone: "bg-red-50 text-red-700 dark:bg-red-950/60 dark:text-red-300" },
} as const;

const actionClass =
  "inline-flex h-6 items-center gap-1 rounded px-1.5 text-[11px] text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-50 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50";

// Every post of the workspace, newest first: its account, caption, state and when, the link to a
// published one, and why a failed one did not go out (its draft kept to edit and try again).
export function PublicationList({ imoId, canWrite, onEdit }: PublicationListProps) {
  const list = usePublications(imoId);
  const publish = usePublishPublication(imoId);
  const unschedule = useUnschedulePublication(imoId);
  const remove = useDeletePublication(imoId);
  const [deleting, setDeleting] = useState<Publication | null>(null);

  if (list.status === "pending") {
    return (
      <div role="status" aria-label="Loading posts" className="space-y-2">
        <Skeleton className="h-12 w-full" />
        <Skeleton className="h-12 w-full" />
      </div>
    );
  }
  if (list.status === "error") {
    return (
      <LoadError
        message={`Couldn't load the posts. ${list.error.message}`}
        isRetrying={list.isRefetching}
        onRetry={() => void list.refetch()}
      />
    );
  }
  if (list.data.length === 0) {
    return (
      <EmptyState
        icon={<Megaphone className="size-5" aria-hidden="true" />}
        title="No posts yet"
        description="Drafts, scheduled and published posts appear here."
      />
    );
  }
  const act = (promise: Promise<unknown>, success: string) =>
    void promise.then(() => toast.success(success)).catch((error: Error) =>
      toast.error(error.message)
    );

  return (
    <>
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {list.data.map((publication) => {
          const status = STATUS[publication.status];
          const Icon = publication.platform === "instagram" ? InstagramIcon : BlueskyIcon;
          const open = publication.status !== "published" && publication.status !== "publishing";
          const when = publication.status === "published" && publication.published_at
            ? `Published ${formatWhen(publication.published_at)}`
            : publication.status === "scheduled" && publication.scheduled_at
            ? `Goes out ${formatWhen(publication.scheduled_at)}`
            : `Written ${formatWhen(publication.created_at)}`;
          return (
            <li key={publication.id} className="flex gap-2.5 p-2.5">
              <div className="relative shrink-0 self-start">
                <Avatar
                  name={publication.account_username ?? "?"}
                  src={publication.account_picture_url}
                  className="size-8 text-[10px]"
                />
                <Icon className="absolute -right-1 -bottom-1 size-3.5 rounded-full bg-white p-px text-zinc-600 dark:bg-zinc-950 dark:text-zinc-300" />
              </div>
              <div className="min-w-0 flex-1 space-y-1">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
                  <span className="text-xs font-semibold text-zinc-900 dark:text-zinc-50">
                    @{publication.account_username}
                  </span>
                  <span
                    className={`rounded-full px-1.5 py-px text-[10px] font-medium ${status.tone}`}
                  >
                    {status.label}
                  </span>
                  <span className="text-[10px] text-zinc-500 dark:text-zinc-400">{when}</span>
                  {publication.media.length > 0 && (
                    <span className="text-[10px] text-zinc-500 dark:text-zinc-400">
                      · {publication.media.length} image{publication.media.length === 1 ? "" : "s"}
                    </span>
                  )}
                </div>
                <p className="line-clamp-2 text-[11px] break-words text-zinc-700 dark:text-zinc-300">
                  {publication.caption || <span className="text-zinc-400">(no caption)</span>}
                </p>
                {publication.status === "failed" && publication.error_message && (
                  <p role="note" className="text-[11px] text-red-600 dark:text-red-400">
                    Didn't go out: {publication.error_message}
                  </p>
                )}
                <div className="flex flex-wrap gap-1">
                  {publication.permalink && (
                    <a
                      href={publication.permalink}
                      target="_blank"
                      rel="noreferrer"
                      className={actionClass}
                    >
                      <ExternalLink className="size-3" aria-hidden="true" /> View post
                    </a>
                  )}
                  {canWrite && open && (
                    <button
                      type="button"
                      className={actionClass}
                      onClick={() => onEdit(publication)}
                    >
                      <Pencil className="size-3" aria-hidden="true" /> Edit
                    </button>
                  )}
                  {canWrite &&
                    (publication.status === "failed" || publication.status === "draft") &&
                    (
                      <button
                        type="button"
                        className={actionClass}
                        disabled={publish.isPending}
                        onClick={() => act(publish.mutateAsync(publication.id), "Published")}
                      >
                        <RotateCcw className="size-3" aria-hidden="true" />
                        {publication.status === "failed" ? "Try again" : "Publish now"}
                      </button>
                    )}
                  {canWrite && publication.status === "scheduled" && (
                    <button
                      type="button"
                      className={actionClass}
                      onClick={() => act(unschedule.mutateAsync(publication.id), "Back to drafts")}
                    >
                      <Undo2 className="size-3" aria-hidden="true" /> Unschedule
                    </button>
                  )}
                  {canWrite && open && (
                    <button
                      type="button"
                      className={`${actionClass} hover:text-red-600 dark:hover:text-red-400`}
                      onClick={() => setDeleting(publication)}
                    >
                      <Trash2 className="size-3" aria-hidden="true" /> Delete
                    </button>
                  )}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      <AlertDialog
        open={deleting !== null}
        onOpenChange={(open) => {
          if (open) return;
          setDeleting(null);
          remove.reset();
        }}
        title="Delete this post?"
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        isPending={remove.isPending}
        error={remove.error ? `Couldn't delete: ${remove.error.message}` : undefined}
        onConfirm={() =>
          remove.mutate(deleting!.id, {
            onSuccess: () => {
              setDeleting(null);
              toast.success("Post deleted");
            },
          })}
      >
        <p>
          {deleting?.status === "scheduled"
            ? "It will not go out, and its caption and images are gone for good."
            : "Its caption and images are gone for good."}
        </p>
      </AlertDialog>
    </>
  );
}
