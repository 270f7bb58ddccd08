import { commentKeywordSchema } from "@dm-desk/shared/contracts/comment-rules";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { Button } from "@/components/ui/button.tsx";
import { paths } from "@/config/paths.ts";
import { useCreateCommentRule } from "@/features/comments/api/create-comment-rule.ts";
import { useRecentPosts } from "@/features/comments/api/get-recent-posts.ts";
import {
  accountLabel,
  type CommentsAccount,
  type CommentsTemplate,
} from "@/features/comments/utils/comment-people.ts";

type CommentRuleFormProps = {
  imoId: string;
  accounts: CommentsAccount[];
  /** undefined while they load */
  templates: CommentsTemplate[] | undefined;
};

const FIELD =
  "h-9 w-full rounded-md border border-neutral-300 bg-white dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 px-2 text-sm text-neutral-900 dark:text-zinc-50 focus:border-indigo-500 focus:outline-none";

/** "When someone comments <keyword> on <post or any post>, reply privately with <template>." */
export function CommentRuleForm({ imoId, accounts, ...props }: CommentRuleFormProps) {
  const templates = props.templates ?? [];
  const [keyword, setKeyword] = useState("");
  const [accountId, setAccountId] = useState("");
  const [postId, setPostId] = useState("");
  const [pickedTemplateId, setTemplateId] = useState("");
  // the templates may arrive after the form, or lose the one picked: the first one stands in
  const templateId = templates.some((t) => t.id === pickedTemplateId)
    ? pickedTemplateId
    : templates[0]?.id ?? "";
  const create = useCreateCommentRule(imoId);
  const checked = commentKeywordSchema.safeParse(keyword);
  const keywordError = keyword && !checked.success ? checked.error.issues[0]?.message : undefined;
  // a post is picked among the account's newest on Instagram, commented on or not yet
  const postsOf = accountId || (accounts.length === 1 ? accounts[0]!.id : undefined);
  const recent = useRecentPosts(imoId, postsOf);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!checked.success || !templateId) return;
    create.mutate({
      imo_id: imoId,
      keyword: checked.data,
      template_id: templateId,
      channel_account_id: accountId || (postId ? postsOf ?? null : null),
      post_id: postId || null,
    }, {
      onSuccess: () => {
        setKeyword("");
        setPostId("");
      },
    });
  };

  if (!props.templates) {
    return (
      <p role="status" className="text-sm text-neutral-500 dark:text-zinc-400">
        Loading your templates…
      </p>
    );
  }
  if (templates.length === 0) {
    return (
      <p className="text-sm text-neutral-500 dark:text-zinc-400">
        A rule replies with one of your templates: create one in{" "}
        <Link
          to={paths.app.settingsTemplates.getHref()}
          className="font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-indigo-300"
        >
          Settings › Templates
        </Link>{" "}
        first.
      </p>
    );
  }
  return (
    <form
      onSubmit={submit}
      aria-label="New keyword rule"
      className="grid gap-3 rounded-lg border border-neutral-200 dark:border-zinc-800 p-4 sm:grid-cols-2"
    >
      <label className="space-y-1 text-sm">
        <span className="font-medium text-neutral-700 dark:text-zinc-300">
          When someone comments
        </span>
        <input
          value={keyword}
          onChange={(event) => setKeyword(event.target.value)}
          placeholder="JOIN"
          aria-invalid={keywordError ? true : undefined}
          className={FIELD}
        />
        {keywordError && <span className="text-xs text-red-600">{keywordError}</span>}
      </label>
      {accounts.length > 1 && (
        <label className="space-y-1 text-sm">
          <span className="font-medium text-neutral-700 dark:text-zinc-300">On the account</span>
          <select
            value={accountId}
            onChange={(event) => {
              setAccountId(event.target.value);
              setPostId("");
            }}
            className={FIELD}
          >
            <option value="">Any account</option>
            {accounts.map((a) => <option key={a.id} value={a.id}>{accountLabel(a)}</option>)}
          </select>
        </label>
      )}
      <label className="space-y-1 text-sm">
        <span className="font-medium text-neutral-700 dark:text-zinc-300">On the post</span>
        <select
          value={postId}
          onChange={(event) => setPostId(event.target.value)}
          className={FIELD}
        >
          <option value="">Any post</option>
          {(recent.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>{p.caption?.slice(0, 60) || "Untitled post"}</option>
          ))}
        </select>
        {!postsOf && (
          <span className="text-xs text-neutral-500 dark:text-zinc-400">
            Choose an account to pick one of its posts.
          </span>
        )}
        {recent.status === "error" && (
          <span className="text-xs text-red-600">
            {`Couldn't load the account's posts: ${recent.error.message}`}
          </span>
        )}
      </label>
      <label className="space-y-1 text-sm">
        <span className="font-medium text-neutral-700 dark:text-zinc-300">
          Reply privately with
        </span>
        <select
          value={templateId}
          onChange={(event) => setTemplateId(event.target.value)}
          className={FIELD}
        >
          {templates.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </label>
      <div className="flex items-end gap-3 sm:col-span-2">
        <Button type="submit" size="sm" isPending={create.isPending} disabled={!checked.success}>
          Add rule
        </Button>
        {create.error && <p role="alert" className="text-sm text-red-600">{create.error.message}
        </p>}
      </div>
    </form>
  );
}
