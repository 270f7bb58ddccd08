import type { CommentRule } from "@dm-desk/shared/contracts/comment-rules";
import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { useState } from "react";
import { AlertDialog } from "@/components/ui/alert-dialog.tsx";
import { LoadError } from "@/components/ui/load-error.tsx";
import { PlanUpgradeCallout } from "@/components/ui/plan-upgrade-callout.tsx";
import { useCommentRules } from "@/features/comments/api/get-comment-rules.ts";
import { useDeleteCommentRule } from "@/features/comments/api/delete-comment-rule.ts";
import { useUpdateCommentRule } from "@/features/comments/api/update-comment-rule.ts";
import { CommentRuleForm } from "@/features/comments/components/comment-rule-form.tsx";
import type {
  CommentsAccount,
  CommentsTemplate,
} from "@/features/comments/utils/comment-people.ts";

type CommentRulesSectionProps = {
  workspace: Pick<MyWorkspace, "imo_id" | "role" | "plan_name" | "features">;
  accounts: CommentsAccount[];
  /** undefined while they load */
  templates: CommentsTemplate[] | undefined;
};

/**
 * Settings › Automation: keyword rules on comments. Everyone reads them and what they did; owners
 * and admins on a plan with automation add, pause and delete them.
 */
export function CommentRulesSection({ workspace, accounts, templates }: CommentRulesSectionProps) {
  const imoId = workspace.imo_id;
  const rules = useCommentRules(imoId);
  const planAllows = workspace.features.instagram_scheduled_messages === true &&
    workspace.features.instagram_messaging === true;
  const isAdmin = workspace.role === "owner" || workspace.role === "admin";
  const canWrite = planAllows && isAdmin;

  return (
    <section aria-labelledby="comment-rules-heading" className="space-y-4">
      <div>
        <h2
          id="comment-rules-heading"
          className="text-base font-semibold text-neutral-900 dark:text-zinc-50"
        >
          Comment keywords
        </h2>
        <p className="mt-1 text-sm text-neutral-500 dark:text-zinc-400">
          When someone comments a keyword on your post, DM them a template in private, once per
          person per post. Hidden comments and your own never trigger it.
        </p>
      </div>
      {!planAllows && (
        <PlanUpgradeCallout
          workspace={workspace}
          title="Comment keywords are part of the Team plan"
          ownerAction="Upgrade to answer comments automatically in private."
          memberAction="Ask the workspace owner to upgrade to use comment keywords."
        />
      )}
      {rules.status === "pending" && (
        <div
          aria-busy="true"
          className="h-24 animate-pulse rounded-lg border border-neutral-200 dark:border-zinc-800"
        >
          <span className="sr-only">Loading the keyword rules…</span>
        </div>
      )}
      {rules.status === "error" && (
        <LoadError
          message={`Couldn't load the keyword rules: ${rules.error.message}`}
          isRetrying={rules.isRefetching}
          onRetry={() => void rules.refetch()}
        />
      )}
      {rules.status === "success" && (
        <ul
          aria-label="Keyword rules"
          className="divide-y divide-neutral-200 dark:divide-zinc-800 rounded-lg border border-neutral-200 dark:border-zinc-800"
        >
          {rules.data.length === 0 && (
            <li className="p-3 text-sm text-neutral-500 dark:text-zinc-400">
              No keyword rule yet.
            </li>
          )}
          {rules.data.map((rule) => (
            <RuleRow key={rule.id} imoId={imoId} rule={rule} canWrite={canWrite} />
          ))}
        </ul>
      )}
      {canWrite && (
        <CommentRuleForm
          imoId={imoId}
          accounts={accounts}
          templates={templates}
        />
      )}
      {!isAdmin && planAllows && (
        <p className="text-sm text-neutral-500 dark:text-zinc-400">
          Owners and admins add and change keyword rules.
        </p>
      )}
    </section>
  );
}

function RuleRow(
  { imoId, rule, canWrite }: { imoId: string; rule: CommentRule; canWrite: boolean },
) {
  const update = useUpdateCommentRule(imoId);
  const remove = useDeleteCommentRule(imoId);
  const [isDeleting, setIsDeleting] = useState(false);
  return (
    <li className="flex flex-wrap items-center gap-2 p-3 text-sm">
      <span className="min-w-0 flex-1">
        <span className="font-medium text-neutral-900 dark:text-zinc-50">“{rule.keyword}”</span>
        <span className="text-neutral-500 dark:text-zinc-400">
          {" on "}
          {rule.post_id ? `“${rule.post_caption?.slice(0, 40) || "a post"}”` : "any post"}
          {" → "}
          {rule.template_name ?? "a deleted template"}
        </span>
        <span className="block text-xs text-neutral-500 dark:text-zinc-400">
          {`${rule.runs.sent} sent · ${rule.runs.skipped} skipped · ${rule.runs.failed} failed`}
        </span>
      </span>
      <label className="flex items-center gap-1 text-xs text-neutral-700 dark:text-zinc-300">
        <input
          type="checkbox"
          checked={rule.is_enabled}
          disabled={!canWrite || update.isPending}
          onChange={(event) =>
            update.mutate({ ruleId: rule.id, change: { is_enabled: event.target.checked } })}
        />
        On
      </label>
      {canWrite && (
        <button
          type="button"
          onClick={() => setIsDeleting(true)}
          disabled={remove.isPending}
          className="text-xs font-medium text-red-600 hover:underline disabled:opacity-50"
        >
          Delete
        </button>
      )}
      <AlertDialog
        open={isDeleting}
        onOpenChange={setIsDeleting}
        title={`Delete the rule for “${rule.keyword}”?`}
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        isPending={remove.isPending}
        onConfirm={() => remove.mutate(rule.id, { onSettled: () => setIsDeleting(false) })}
      >
        <p>
          Comments with this keyword get no private reply from now on. To stop it for a while,
          switch it off instead.
        </p>
      </AlertDialog>
    </li>
  );
}
