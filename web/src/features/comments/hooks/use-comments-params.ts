import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { PostFilters } from "@/features/comments/api/keys.ts";

export type PostToggle = "priority" | "unread" | "mine";

/**
 * The Comments view's state lives in the URL (`?post=…&account=…&priority=1&unread=1&mine=1`, or
 * `?comment=…` from a private reply, which becomes its post), so a
 * reload, the back button and a link from a conversation land on the same view.
 */
export function useCommentsParams() {
  const [params, setParams] = useSearchParams();
  const postId = params.get("post") ?? undefined;
  // a link to one comment (from its private reply in Messages): the page opens its post
  const commentId = params.get("comment") ?? undefined;
  const accountId = params.get("account") ?? undefined;
  const toggles = {
    priority: params.get("priority") === "1",
    unread: params.get("unread") === "1",
    mine: params.get("mine") === "1",
  };

  const filters = useMemo<PostFilters>(() => ({
    ...(accountId ? { channel_account_id: accountId } : {}),
    ...(toggles.priority ? { priority: "true" as const } : {}),
    ...(toggles.unread ? { unread: "true" as const } : {}),
    ...(toggles.mine ? { assignee: "me" as const } : {}),
  }), [accountId, toggles.priority, toggles.unread, toggles.mine]);

  // Opening a post is a history entry (Back returns to the list on a phone); filters are not.
  const update = useCallback((changes: Record<string, string | undefined>, isNewEntry = false) => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [name, value] of Object.entries(changes)) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
      return next;
    }, { replace: !isNewEntry });
  }, [setParams]);

  return {
    postId,
    commentId,
    accountId,
    toggles,
    filters,
    openPost: (id: string | undefined) => update({ post: id, comment: undefined }, true),
    /** the linked comment's post, in place of the link (no extra history entry) */
    showCommentPost: (id: string) => update({ post: id, comment: undefined }),
    setAccount: (id: string | undefined) => update({ account: id }),
    setToggle: (name: PostToggle, isOn: boolean) => update({ [name]: isOn ? "1" : undefined }),
  };
}
