import type { InboxConversation } from "@dm-desk/shared/contracts/inbox-conversations";
import { CircleAlert, Star, UserRound } from "lucide-react";
import { CategoryBadge } from "@/features/messages/components/category-badge.tsx";
import { Avatar } from "@/components/ui/avatar.tsx";
import { PlatformBadge } from "@/features/messages/components/platform-badge.tsx";
import { WINDOW_DOT } from "@/features/messages/components/window-indicator.tsx";
import { formatListTime } from "@/features/messages/utils/format-time.ts";
import { windowStatusAt } from "@/features/messages/utils/messaging-window.ts";

/**
 * How a contact is named everywhere in the inbox. Before Meta gives a profile (it may never: the
 * fetch fails while the account has no working token) two such people must still be told apart:
 * the end of their contact id does it, and stays the same wherever they show.
 */
export function contactName(contact: InboxConversation["contact"]): string {
  if (contact.username) return `@${contact.username}`;
  return contact.display_name ?? `Instagram user ${contact.id.slice(-4)}`;
}

type ConversationRowProps = {
  conversation: InboxConversation;
  /** the signed-in member: their replies read "You:", a teammate's their name */
  viewerId: string;
  now: Date;
  hasHumanAgent: boolean;
  isSelected: boolean;
  isActive: boolean;
};

/** One line of the sidebar: who, what they last said, and what needs attention. */
export function ConversationRow(
  { conversation, viewerId, now, hasHumanAgent, isSelected, isActive }: ConversationRowProps,
) {
  const name = contactName(conversation.contact);
  const status = windowStatusAt(conversation.window, now, hasHumanAgent);
  const isUnread = conversation.unread_count > 0;
  return (
    <div
      className={`flex h-full items-center gap-2 rounded-md px-2 py-1.5 ${
        isSelected
          ? "bg-zinc-200/80 dark:bg-zinc-800"
          : isActive
          ? "bg-zinc-100 dark:bg-zinc-900"
          : "hover:bg-zinc-100 dark:hover:bg-zinc-900"
      } ${
        // where the arrow keys are, outlined while the list has the keyboard's focus
        isActive ? "group-focus-visible:ring-2 group-focus-visible:ring-indigo-500" : ""}`}
    >
      <span className="relative">
        <Avatar
          name={name}
          src={conversation.contact.profile_picture_url}
          className="size-8 text-xs"
        />
        {conversation.platform === "bluesky"
          // Bluesky has no reply window: its badge takes the dot's place
          ? <PlatformBadge conversation={conversation} />
          : (
            <span
              title={status.label}
              className={`absolute -right-0.5 -bottom-0.5 size-2.5 rounded-full border-2 border-white dark:border-zinc-950 ${
                WINDOW_DOT[status.tone]
              }`}
            />
          )}
      </span>
      <span className="min-w-0 flex-1">
        <span className="flex items-center gap-1">
          <span
            className={`truncate text-xs ${
              isUnread
                ? "font-semibold text-zinc-950 dark:text-zinc-50"
                : "font-medium text-zinc-800 dark:text-zinc-200"
            }`}
          >
            {name}
          </span>
          {conversation.is_priority && (
            <Star aria-label="Priority" className="size-3 shrink-0 fill-amber-400 text-amber-400" />
          )}
          {conversation.category && conversation.category !== "other" && (
            <CategoryBadge category={conversation.category} />
          )}
          {conversation.lead && (
            <span className="shrink-0 rounded bg-indigo-50 px-1 text-[10px] font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300">
              Lead
            </span>
          )}
          <span className="ml-auto shrink-0 text-[10px] text-zinc-500">
            {formatListTime(conversation.last_message_at, now)}
          </span>
        </span>
        <span className="mt-0.5 flex items-center gap-1">
          <span
            className={`truncate text-[11px] ${
              isUnread ? "text-zinc-800 dark:text-zinc-200" : "text-zinc-500 dark:text-zinc-400"
            }`}
          >
            {conversation.last_message_failed
              ? (
                <span className="font-medium text-red-600 dark:text-red-400">
                  <CircleAlert className="mr-0.5 inline size-3 align-[-2px]" aria-hidden="true" />
                  Not sent:{" "}
                </span>
              )
              : conversation.last_message_direction === "outbound" &&
                `${replyAuthor(conversation.last_message_author, viewerId)}: `}
            {conversation.preview ?? ""}
          </span>
          {conversation.assignee && (
            <span
              title={`Assigned to ${conversation.assignee.display_name ?? "a teammate"}`}
              className="ml-auto flex size-4 shrink-0 items-center justify-center rounded-full bg-zinc-300 text-[9px] font-semibold text-zinc-700 dark:bg-zinc-700 dark:text-zinc-200"
            >
              {conversation.assignee.display_name?.charAt(0).toUpperCase() ?? (
                <UserRound className="size-2.5" aria-hidden="true" />
              )}
            </span>
          )}
          {isUnread && (
            <span
              aria-label={`${conversation.unread_count} unread`}
              className={`${
                conversation.assignee ? "" : "ml-auto"
              } flex h-4 min-w-4 shrink-0 items-center justify-center rounded-full bg-indigo-600 px-1 text-[10px] font-semibold text-white`}
            >
              {conversation.unread_count > 99 ? "99+" : conversation.unread_count}
            </span>
          )}
        </span>
      </span>
    </div>
  );
}

/** Who wrote an outbound newest message, as the list prefixes it. */
export function replyAuthor(
  author: InboxConversation["last_message_author"],
  viewerId: string,
): string {
  if (!author || (author.kind === "user" && author.user_id === viewerId)) return "You";
  if (author.kind === "user") return author.display_name ?? "A teammate";
  if (author.kind === "ai") return "AI";
  if (author.kind === "automation") return "Automation";
  if (author.kind === "native_app") return "From Instagram";
  return "You";
}
