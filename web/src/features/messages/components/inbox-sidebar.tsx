import type { InboxConversation } from "@dm-desk/shared/contracts/inbox-conversations";
import type { OpportunityCategory } from "@dm-desk/shared/contracts/message-analysis";
import { Archive, Inbox, type LucideIcon, Search, Star, UserRound } from "lucide-react";
import { type ReactNode, useEffect, useState } from "react";
import type { ConversationFilters } from "@/features/messages/api/keys.ts";
import { CategoryFilter } from "@/features/messages/components/category-filter.tsx";
import { ConversationList } from "@/features/messages/components/conversation-list.tsx";
import type { InboxToggle } from "@/features/messages/hooks/use-inbox-params.ts";
import { accountName, type InboxAccount } from "@/features/messages/utils/inbox-people.ts";

type InboxSidebarProps = {
  imoId: string;
  viewerId: string;
  accounts: InboxAccount[];
  unreadByAccount: ReadonlyMap<string, number>;
  accountId: string | undefined;
  search: string;
  toggles: Record<InboxToggle, boolean>;
  filters: ConversationFilters;
  selectedId: string | undefined;
  onAccountChange: (id: string | undefined) => void;
  onSearchChange: (text: string) => void;
  onToggle: (name: InboxToggle, isOn: boolean) => void;
  category: OpportunityCategory | undefined;
  onCategoryChange: (category: OpportunityCategory | undefined) => void;
  onOpen: (conversation: InboxConversation, how: "keyboard" | "pointer") => void;
  /** focus the list on this conversation's row */
  focusRequest?: { id: string };
};

const SEARCH_DELAY_MS = 250;

const FILTER_TOGGLES: { name: InboxToggle; label: string; title?: string; Icon: LucideIcon }[] = [
  { name: "priority", label: "Priority", Icon: Star },
  { name: "unread", label: "Unread", Icon: Inbox },
  { name: "mine", label: "Mine", title: "Assigned to me", Icon: UserRound },
  {
    name: "archived",
    label: "Archived",
    title: "Archived conversations instead of the inbox",
    Icon: Archive,
  },
];

export function InboxSidebar(props: InboxSidebarProps) {
  const { accounts, unreadByAccount } = props;
  const humanAgentAccounts = new Set(
    accounts.filter((a) => a.human_agent_permission).map((a) => a.id),
  );
  const totalUnread = [...unreadByAccount.values()].reduce((sum, n) => sum + n, 0);
  const hasFilters = Boolean(
    props.filters.q || props.filters.priority || props.filters.unread ||
      props.filters.assignee || props.filters.category,
  );
  const isArchive = Boolean(props.filters.archived);

  return (
    <div className="flex h-full min-h-0 flex-col bg-zinc-50 dark:bg-zinc-950">
      <div className="space-y-1.5 border-b border-zinc-200 p-2 dark:border-zinc-800">
        {accounts.length > 1 && (
          <label className="block">
            <span className="sr-only">Instagram account</span>
            <select
              value={props.accountId ?? ""}
              onChange={(event) => props.onAccountChange(event.target.value || undefined)}
              className="h-7 w-full rounded-md border border-zinc-200 bg-white px-1.5 text-xs text-zinc-900 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
            >
              <option value="">{`All accounts${totalUnread ? ` (${totalUnread})` : ""}`}</option>
              {accounts.map((account) => {
                const unread = unreadByAccount.get(account.id) ?? 0;
                return (
                  <option key={account.id} value={account.id}>
                    {`${accountName(account)}${unread ? ` (${unread})` : ""}`}
                  </option>
                );
              })}
            </select>
          </label>
        )}
        <SearchField value={props.search} onChange={props.onSearchChange} />
        <div className="flex flex-wrap gap-1" role="group" aria-label="Filters">
          {FILTER_TOGGLES.map(({ name, label, title, Icon }) => (
            <FilterToggle
              key={name}
              label={label}
              title={title}
              icon={<Icon className="size-3" aria-hidden="true" />}
              isOn={props.toggles[name]}
              onChange={(isOn) => props.onToggle(name, isOn)}
            />
          ))}
        </div>
        <CategoryFilter value={props.category} onChange={props.onCategoryChange} />
      </div>
      <ConversationList
        imoId={props.imoId}
        viewerId={props.viewerId}
        filters={props.filters}
        hasFilters={hasFilters}
        isArchive={isArchive}
        selectedId={props.selectedId}
        humanAgentAccounts={humanAgentAccounts}
        onOpen={props.onOpen}
        focusRequest={props.focusRequest}
      />
    </div>
  );
}

// Typing stays instant; the URL (and so the query) follows once the typing pauses.
function SearchField({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  // the server searches from 2 characters (conversationListQuerySchema): say so, rather than
  // showing every conversation as if one letter had matched them all
  const isTooShort = text.trim().length === 1;
  return (
    <label className="relative block">
      <span className="sr-only">Search conversations</span>
      <Search
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-zinc-400"
      />
      <input
        type="search"
        value={text}
        placeholder="Search"
        onChange={(event) => setText(event.target.value)}
        aria-describedby={isTooShort ? "conversation-search-hint" : undefined}
        className="h-7 w-full rounded-md border border-zinc-200 bg-white pr-2 pl-7 text-xs text-zinc-900 placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      />
      {isTooShort && (
        <span id="conversation-search-hint" className="mt-0.5 block text-[10px] text-zinc-500">
          Type at least 2 characters to search
        </span>
      )}
    </label>
  );
}

type FilterToggleProps = {
  label: string;
  title?: string;
  icon: ReactNode;
  isOn: boolean;
  onChange: (isOn: boolean) => void;
};

function FilterToggle({ label, title, icon, isOn, onChange }: FilterToggleProps) {
  return (
    <button
      type="button"
      aria-pressed={isOn}
      title={title}
      onClick={() => onChange(!isOn)}
      className={`inline-flex h-6 items-center gap-1 rounded-md border px-1.5 text-[11px] font-medium ${
        isOn
          ? "border-indigo-200 bg-indigo-50 text-indigo-700 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-300"
          : "border-zinc-200 bg-white text-zinc-600 hover:bg-zinc-100 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
      }`}
    >
      {icon}
      {label}
    </button>
  );
}
