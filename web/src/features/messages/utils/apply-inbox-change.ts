import type { QueryClient } from "@tanstack/react-query";
import type { AiPanel } from "@dm-desk/shared/contracts/ai-assistant";
import type { InboxConversation } from "@dm-desk/shared/contracts/inbox-conversations";
import { threadMessageFromRow } from "@dm-desk/shared/contracts/thread-message-row";
import { type Conversation, conversationSchema } from "@dm-desk/shared/schemas/conversation";
import { type Message, messageSchema } from "@dm-desk/shared/schemas/message";
import type { MembersResponse } from "@dm-desk/shared/contracts/workspaces";
import { z } from "zod";
import { memberKeys } from "@/features/members/api/keys.ts";
import { inboxKeys } from "@/features/messages/api/keys.ts";
import {
  patchConversation,
  removeThreadMessage,
  shiftUnreadBadge,
  type ThreadEntry,
  type ThreadPages,
  upsertThreadMessage,
} from "@/features/messages/utils/inbox-cache.ts";
import { conversationWindowAt } from "@/features/messages/utils/messaging-window.ts";

/**
 * What the database broadcasts to `imo:<imo_id>` for every change to a conversation or a message
 * (the inbox broadcast migrations): the operation as the event, the new and old rows as JSON; a
 * conversation's UPDATE carries only `{id, unread_count}` of the old row.
 */
export const inboxChangeSchema = z.object({
  operation: z.enum(["INSERT", "UPDATE", "DELETE"]),
  table: z.string(),
  record: z.unknown().nullable().optional(),
  old_record: z.unknown().nullable().optional(),
});
export type InboxChange = z.infer<typeof inboxChangeSchema>;

const threadRowSchema = z.object({ conversation_id: z.string() });
const previousUnreadSchema = z.object({ unread_count: z.number() });

/** The conversation whose messages an event changed; null for any other table. */
export function changedThreadId(change: InboxChange): string | null {
  if (change.table !== "messages") return null;
  const row = threadRowSchema.safeParse(change.record ?? change.old_record);
  return row.success ? row.data.conversation_id : null;
}

/** What an event asks of the caches beyond the patch already made. */
export type ChangeOutcome = "applied" | "refetch_lists" | "ignored";

/**
 * Applies one broadcast to the TanStack Query caches: a message lands in its open thread, a
 * conversation is patched in place in every list holding it (and moved up when it has news).
 * Anything a patch cannot place exactly (a conversation no cached list holds yet, a new assignee
 * or lead whose name the row does not carry) asks the caller to refetch the lists.
 */
export function applyInboxChange(
  queryClient: QueryClient,
  imoId: string,
  change: InboxChange,
  now = new Date(),
): ChangeOutcome {
  if (change.table === "messages") return applyMessageChange(queryClient, imoId, change);
  if (change.table === "conversations") {
    return applyConversationChange(queryClient, imoId, change, now);
  }
  return "ignored";
}

function applyMessageChange(queryClient: QueryClient, imoId: string, change: InboxChange) {
  if (change.operation === "DELETE") {
    const old = messageSchema.safeParse(change.old_record);
    if (!old.success) return "ignored";
    removeThreadMessage(queryClient, imoId, old.data.conversation_id, old.data.id);
    return "applied";
  }
  const parsed = messageSchema.safeParse(change.record);
  if (!parsed.success) return "refetch_lists";
  const row = parsed.data;
  // the AI wrote a draft or a message: its panel (above the composer) shows the news, a new
  // draft at once from the broadcast itself
  if (row.author_kind === "ai") {
    if (row.status === "draft" && change.operation === "INSERT") {
      showAiDraft(queryClient, imoId, row);
    }
    refreshAiPanel(queryClient, imoId, row.conversation_id);
  }
  // a draft is the composer's business, not the thread's (as instagram-get-messages leaves them out)
  if (row.status === "draft") return "ignored";
  upsertThreadMessage(
    queryClient,
    imoId,
    toThreadEntry(row, knownAuthorName(queryClient, imoId, row)),
  );
  if (row.direction === "outbound") {
    markNewestReply(queryClient, imoId, row, knownAuthorName(queryClient, imoId, row));
  }
  return "applied";
}

/**
 * A reply that failed, or went out on a retry, is the row's news when it is the conversation's
 * newest message: the list says "Not sent" until it goes out or something newer comes, and who
 * wrote it ("You", a teammate, the AI).
 */
function markNewestReply(
  queryClient: QueryClient,
  imoId: string,
  row: Message,
  authorName: string | null,
) {
  patchConversation(queryClient, imoId, row.conversation_id, (cached) => {
    const isNewest = cached.last_message_at === null ||
      Date.parse(row.sent_at) >= Date.parse(cached.last_message_at);
    if (!isNewest) return cached;
    const failed = row.status === "failed";
    const author = { kind: row.author_kind, user_id: row.author_user_id, display_name: authorName };
    const sameAuthor = cached.last_message_author?.kind === author.kind &&
      cached.last_message_author.user_id === author.user_id;
    return Boolean(cached.last_message_failed) !== failed || !sameAuthor
      ? { ...cached, last_message_failed: failed, last_message_author: author }
      : cached;
  });
}

function applyConversationChange(
  queryClient: QueryClient,
  imoId: string,
  change: InboxChange,
  now: Date,
): ChangeOutcome {
  if (change.operation === "DELETE") return "refetch_lists";
  const parsed = conversationSchema.safeParse(change.record);
  if (!parsed.success) return "refetch_lists";
  const row = parsed.data;
  // its category, qualification, mode or lease may have moved
  refreshAiPanel(queryClient, imoId, row.id);
  const old = previousUnreadSchema.safeParse(change.old_record);
  let before: InboxConversation | undefined;
  const isListed = patchConversation(queryClient, imoId, row.id, (cached) => {
    before ??= cached;
    return mergeConversationRow(cached, row, now);
  });
  if (isListed) {
    const previousUnread = old.success ? old.data.unread_count : before?.unread_count ?? 0;
    shiftUnreadBadge(queryClient, imoId, row.channel_account_id, {
      conversations: Number(row.unread_count > 0) - Number(previousUnread > 0),
      messages: row.unread_count - previousUnread,
    });
  }
  const namesChanged = before !== undefined &&
    ((before.assignee?.user_id ?? null) !== row.assigned_to ||
      (before.lead?.id ?? null) !== row.recruiting_lead_id ||
      Boolean(before.archived_at) !== Boolean(row.archived_at));
  const hasNews = before !== undefined && before.last_message_at !== row.last_message_at;
  // A new or newly active conversation, or one that moved: only the server knows every list's
  // order and filters exactly.
  if (!isListed || namesChanged || hasNews) return "refetch_lists";
  return "applied";
}

/** The AI's new draft in its conversation's panel, before the panel's refetch confirms it. */
function showAiDraft(queryClient: QueryClient, imoId: string, row: Message) {
  queryClient.setQueryData<AiPanel>(
    inboxKeys.aiPanel(imoId, row.conversation_id),
    (panel) =>
      panel && {
        ...panel,
        draft: {
          id: row.id,
          text: row.text ?? "",
          reply_to_message_id: row.ai_reply_to_message_id ?? null,
          created_at: row.created_at,
        },
      },
  );
}

/**
 * Refetches the conversation's AI panel if it is open; a closed one refetches when it opens (its
 * data is stale at once). Not a list refetch: the lists' batching is untouched.
 */
function refreshAiPanel(queryClient: QueryClient, imoId: string, conversationId: string) {
  const queryKey = inboxKeys.aiPanel(imoId, conversationId);
  if (queryClient.getQueryState(queryKey)) {
    void queryClient.refetchQueries({ queryKey, type: "active" });
  }
}

/** The inbox row with what a conversations row says; names of people come from the list. */
function mergeConversationRow(
  cached: InboxConversation,
  row: Conversation,
  now: Date,
): InboxConversation {
  return {
    ...cached,
    preview: row.last_message_preview,
    last_message_at: row.last_message_at,
    last_message_direction: row.last_message_direction,
    // a newer message is not the failed reply; its own broadcast says if it failed too
    last_message_failed: row.last_message_at === cached.last_message_at
      ? cached.last_message_failed
      : false,
    // the newest message's own broadcast names an outbound author; an inbound one is the contact
    last_message_author: row.last_message_direction === "inbound"
      ? { kind: "contact", user_id: null, display_name: null }
      : cached.last_message_author,
    unread_count: row.unread_count,
    window: conversationWindowAt(row.last_inbound_at, now),
    is_priority: row.is_priority,
    assignee: row.assigned_to === (cached.assignee?.user_id ?? null)
      ? cached.assignee
      : row.assigned_to
      ? { user_id: row.assigned_to, display_name: null }
      : null,
    lead: row.recruiting_lead_id === (cached.lead?.id ?? null) ? cached.lead : null,
    archived_at: row.archived_at,
    category: row.ai_category ?? cached.category ?? null,
  };
}

/** A member's name as the thread already shows it (the row carries only their id). */
function knownAuthorName(queryClient: QueryClient, imoId: string, row: Message): string | null {
  if (!row.author_user_id) return null;
  const thread = queryClient.getQueryData<ThreadPages>(
    inboxKeys.thread(imoId, row.conversation_id),
  );
  for (const page of thread?.pages ?? []) {
    const same = page.messages.find((m) =>
      m.author.user_id === row.author_user_id && m.author.display_name
    );
    if (same) return same.author.display_name;
  }
  // a teammate's first reply in this thread: the Messages page holds the IMO's members
  const member = queryClient.getQueryData<MembersResponse>(memberKeys.list(imoId))?.members
    .find((m) => m.user_id === row.author_user_id);
  return member ? member.display_name ?? member.email : null;
}

/** A messages row as instagram-get-messages would answer it, with its idempotency key. */
export function toThreadEntry(row: Message, authorName: string | null): ThreadEntry {
  return { ...threadMessageFromRow(row, authorName), client_message_id: row.client_message_id };
}
