import { Inbox, type LucideIcon, Star, UserRound } from "lucide-react";
import type { PostFilters } from "@/features/comments/api/keys.ts";
import { PostList } from "@/features/comments/components/post-list.tsx";
import type { PostToggle } from "@/features/comments/hooks/use-comments-params.ts";
import { accountLabel, type CommentsAccount } from "@/features/comments/utils/comment-people.ts";

type PostSidebarProps = {
  imoId: string;
  accounts: CommentsAccount[];
  unreadByAccount: ReadonlyMap<string, number>;
  accountId: string | undefined;
  toggles: Record<PostToggle, boolean>;
  filters: PostFilters;
  selectedId: string | undefined;
  onAccountChange: (id: string | undefined) => void;
  onToggle: (name: PostToggle, isOn: boolean) => void;
  onOpen: (postId: string) => void;
};

const TOGGLES: { name: PostToggle; label: string; title?: string; Icon: LucideIcon }[] = [
  { name: "priority", label: "Priority", Icon: Star },
  { name: "unread", label: "Unread", Icon: Inbox },
  { name: "mine", label: "Mine", title: "Assigned to me", Icon: UserRound },
];

/** The account picker ("All accounts" is every channel), the filters and the posts. */
export function PostSidebar(props: PostSidebarProps) {
  const total = [...props.unreadByAccount.values()].reduce((sum, n) => sum + n, 0);
  const hasFilters = Object.values(props.toggles).some(Boolean);
  return (
    <div className="flex h-full min-h-0 flex-col bg-zinc-50 dark:bg-zinc-950">
      <div className="space-y-1.5 border-b border-zinc-200 p-2 dark:border-zinc-800">
        {props.accounts.length > 1 && (
          <label className="block">
            <span className="sr-only">Instagram account</span>
            <select
              value={props.accountId ?? ""}
              onChange={(event) => props.onAccountChange(event.target.value || undefined)}
              className="h-7 w-full rounded-md border border-zinc-200 bg-white px-1.5 text-xs text-zinc-900 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
            >
              <option value="">{`All accounts${total ? ` (${total})` : ""}`}</option>
              {props.accounts.map((account) => {
                const unread = props.unreadByAccount.get(account.id) ?? 0;
                return (
                  <option key={account.id} value={account.id}>
                    {`${accountLabel(account)}${unread ? ` (${unread})` : ""}`}
                  </option>
                );
              })}
            </select>
          </label>
        )}
        <div className="flex flex-wrap gap-1" role="group" aria-label="Filters">
          {TOGGLES.map(({ name, label, title, Icon }) => (
            <button
              key={name}
              type="button"
              aria-pressed={props.toggles[name]}
              title={title}
              onClick={() => props.onToggle(name, !props.toggles[name])}
              className={`inline-flex h-6 items-center gap-1 rounded-md border px-1.5 text-[11px] font-medium ${
                props.toggles[name]
                  ? "border-indigo-300 bg-indigo-50 text-indigo-700 dark:border-indigo-700 dark:bg-indigo-950 dark:text-indigo-300"
                  : "border-zinc-200 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-800 dark:text-zinc-400 dark:hover:bg-zinc-900"
              }`}
            >
              <Icon className="size-3" aria-hidden="true" />
              {label}
            </button>
          ))}
        </div>
      </div>
      <PostList
        imoId={props.imoId}
        filters={props.filters}
        hasFilters={hasFilters}
        selectedId={props.selectedId}
        onOpen={props.onOpen}
      />
    </div>
  );
}
