import type {
  ConversationWindow,
  InboxConversation,
  WindowFilter,
} from "../../../../shared/src/contracts/inbox-conversations.ts";
import type { InboxCursor } from "../../../../shared/src/contracts/inbox-cursor.ts";
import type { MessageAuthorKind } from "../../../../shared/src/schemas/enums.ts";
import { getMessagingWindow } from "../../../../shared/src/rules/messaging-window.ts";
import type { Tx } from "../db.ts";

/**
 * The inbox's queries, channel-agnostic: every platform's conversations live in the same tables
 * and a tab is a `platform` filter. Run inside `withUser`, so RLS decides what is visible; callers
 * check membership first to tell a stranger 404.
 */

export interface ConversationFilters {
  imoId: string;
  platform?: "instagram" | "facebook" | "bluesky";
  channelAccountId?: string;
  search?: string;
  priorityOnly?: boolean;
  unreadOnly?: boolean;
  window?: WindowFilter;
  assignee?: "me" | "unassigned";
  archived?: boolean;
  category?: NonNullable<InboxConversation["category"]>;
  cursor?: InboxCursor;
  limit: number;
}

interface ConversationRow {
  id: string;
  channel_account_id: string;
  platform: InboxConversation["platform"];
  kind: "direct" | "public";
  contact_id: string;
  username: string | null;
  contact_name: string | null;
  profile_picture_url: string | null;
  preview: string | null;
  last_message_at: Date | null;
  cursor_at: string;
  last_message_direction: InboxConversation["last_message_direction"];
  last_message_failed: boolean;
  last_author_kind: MessageAuthorKind | null;
  last_author_user_id: string | null;
  last_author_name: string | null;
  unread_count: number;
  last_inbound_at: Date | null;
  is_priority: boolean;
  assigned_to: string | null;
  assignee_name: string | null;
  lead_id: string | null;
  lead_name: string | null;
  lead_status: NonNullable<InboxConversation["lead"]>["status"] | null;
  archived_at: Date | null;
  ai_category: InboxConversation["category"];
}

/** One page, newest first, and the cursor of the next page (null on the last). */
export async function listConversations(tx: Tx, filters: ConversationFilters, now: Date) {
  const accounts = await accountsInView(tx, filters);
  if (!accounts.length) return { conversations: [], nextCursor: null };
  // The page is chosen on conversations alone, by walking an inbox index; contacts, assignees and
  // leads are joined to those rows only. Joined before the limit, the planner misjudged the
  // account join and sorted every conversation of the IMO (400 ms at 10,000).
  const rows = await tx<ConversationRow[]>`
    ${
    inboxRows(
      tx,
      tx`
      select c.* from public.conversations c
      where c.imo_id = ${filters.imoId}
        -- a conversation without a message has nothing to show in a list
        and c.last_message_at is not null
        and c.channel_account_id = any(${accounts}::uuid[])
        ${filters.archived ? tx`and c.archived_at is not null` : tx`and c.archived_at is null`}
        ${filters.priorityOnly ? tx`and c.is_priority` : tx``}
        ${filters.unreadOnly ? tx`and c.unread_count > 0` : tx``}
        ${assigneeFilter(tx, filters.assignee)}
        ${filters.category ? tx`and c.ai_category = ${filters.category}` : tx``}
        ${windowFilter(tx, filters.window, now)}
        ${searchFilter(tx, filters.imoId, filters.search)}
        ${
        filters.cursor
          ? tx`and (c.last_message_at, c.id) < (${filters.cursor.at}::timestamptz, ${filters.cursor.id}::uuid)`
          : tx``
      }
      -- "nulls last" as in the inbox indexes, or Postgres sorts instead of walking one
      order by c.last_message_at desc nulls last, c.id desc
      limit ${filters.limit + 1}`,
    )
  }`;
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    conversations: page.map((row) => toInboxConversation(row, now)),
    nextCursor: rows.length > filters.limit && last ? { at: last.cursor_at, id: last.id } : null,
  };
}

/** One conversation as the inbox shows it, or undefined when the caller cannot see it. */
export async function getInboxConversation(tx: Tx, conversationId: string, now: Date) {
  const [row] = await tx<ConversationRow[]>`
    ${inboxRows(tx, tx`select c.* from public.conversations c where c.id = ${conversationId}`)}`;
  return row ? toInboxConversation(row, now) : undefined;
}

/** Unread conversations and messages per channel account, for the sidebar's badges. */
export async function unreadByAccount(tx: Tx, imoId: string, platform?: string) {
  return await tx<
    { channel_account_id: string; unread_conversations: number; unread_messages: number }[]
  >`
    select c.channel_account_id, count(*)::int as unread_conversations,
      sum(c.unread_count)::int as unread_messages
    from public.conversations c
    join public.channel_accounts a on a.id = c.channel_account_id
    where c.imo_id = ${imoId} and c.unread_count > 0 and c.archived_at is null
      and c.last_message_at is not null
      ${platform ? tx`and a.platform = ${platform}` : tx``}
    group by c.channel_account_id
    order by c.channel_account_id`;
}

/** The channel accounts a list may show: the one asked for, or the IMO's of the platform. */
async function accountsInView(tx: Tx, filters: ConversationFilters): Promise<string[]> {
  const rows = await tx<{ id: string }[]>`
    select id from public.channel_accounts
    where imo_id = ${filters.imoId}
      ${filters.platform ? tx`and platform = ${filters.platform}` : tx``}
      ${filters.channelAccountId ? tx`and id = ${filters.channelAccountId}` : tx``}`;
  return rows.map((row) => row.id);
}

/** The inbox row's columns for the conversations `page` selects, newest first. */
function inboxRows(tx: Tx, page: ReturnType<Tx>) {
  return tx`
    with page as materialized (${page})
    select c.id, c.channel_account_id, a.platform, c.kind, k.id as contact_id, k.username,
      k.display_name as contact_name, k.profile_picture_url, c.last_message_preview as preview,
      c.last_message_at, c.last_message_direction,
      coalesce(newest.status = 'failed', false) as last_message_failed,
      newest.author_kind as last_author_kind, newest.author_user_id as last_author_user_id,
      author.display_name as last_author_name,
      -- microseconds kept: a cursor rounded to milliseconds would skip or repeat rows
      to_char(c.last_message_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at,
      c.unread_count, c.last_inbound_at, c.is_priority, c.assigned_to,
      m.display_name as assignee_name, l.id as lead_id, l.full_name as lead_name,
      l.status as lead_status, c.archived_at, c.ai_category
    from page c
    join public.channel_accounts a on a.id = c.channel_account_id
    join public.contacts k on k.id = c.contact_id
    left join public.imo_members m on m.imo_id = c.imo_id and m.user_id = c.assigned_to
    left join public.recruiting_leads l on l.id = c.recruiting_lead_id
    -- the thread's newest message, as the thread orders them (one step down its index); the AI's
    -- drafts are the composer's, not the thread's
    left join lateral (
      select m.status, m.author_kind, m.author_user_id from public.messages m
      where m.conversation_id = c.id and m.status <> 'draft'
      order by m.sent_at desc, m.id desc
      limit 1
    ) newest on true
    left join public.imo_members author
      on author.imo_id = c.imo_id and author.user_id = newest.author_user_id
    order by c.last_message_at desc nulls last, c.id desc`;
}

function assigneeFilter(tx: Tx, assignee: ConversationFilters["assignee"]) {
  if (assignee === "me") return tx`and c.assigned_to = (select auth.uid())`;
  if (assignee === "unassigned") return tx`and c.assigned_to is null`;
  return tx``;
}

// The same instants as rules/messaging-window.ts: both limits exclusive, "closing soon" is 1 h.
function windowFilter(tx: Tx, window: WindowFilter | undefined, now: Date) {
  switch (window) {
    case "open":
      return tx`and c.can_reply_until > ${now}`;
    case "closing_soon":
      return tx`and c.can_reply_until > ${now}
        and c.can_reply_until <= ${now}::timestamptz + interval '1 hour'`;
    case "human_agent":
      return tx`and c.can_reply_until <= ${now} and c.human_agent_until > ${now}`;
    case "closed":
      return tx`and (c.human_agent_until is null or c.human_agent_until <= ${now})`;
    default:
      return tx``;
  }
}

// private.search_conversations uses the trigram indexes RLS would rule out; it checks membership.
function searchFilter(tx: Tx, imoId: string, search: string | undefined) {
  if (!search) return tx``;
  return tx`and c.id = any(array(
    select s.conversation_id from private.search_conversations(${imoId}, ${search}, 200) s))`;
}

export function conversationWindow(lastInboundAt: Date | null, now: Date): ConversationWindow {
  const window = getMessagingWindow(lastInboundAt, now);
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  const inHumanAgent = window.status === "closed" && window.canUseHumanAgentTag;
  return {
    state: inHumanAgent ? "human_agent" : window.status,
    reply_until: iso(window.replyUntil),
    human_agent_until: iso(window.humanAgentUntil),
    seconds_left: Math.floor((inHumanAgent ? window.humanAgentMsLeft : window.msLeft) / 1000),
  };
}

function toInboxConversation(row: ConversationRow, now: Date): InboxConversation {
  return {
    id: row.id,
    channel_account_id: row.channel_account_id,
    platform: row.platform,
    kind: row.kind,
    contact: {
      id: row.contact_id,
      username: row.username,
      display_name: row.contact_name,
      profile_picture_url: row.profile_picture_url,
    },
    preview: row.preview,
    last_message_at: row.last_message_at?.toISOString() ?? null,
    last_message_direction: row.last_message_direction,
    last_message_failed: row.last_message_failed,
    last_message_author: row.last_author_kind
      ? {
        kind: row.last_author_kind,
        user_id: row.last_author_user_id,
        display_name: row.last_author_name,
      }
      : null,
    unread_count: row.unread_count,
    window: conversationWindow(row.last_inbound_at, now),
    is_priority: row.is_priority,
    assignee: row.assigned_to
      ? { user_id: row.assigned_to, display_name: row.assignee_name }
      : null,
    lead: row.lead_id && row.lead_name && row.lead_status
      ? { id: row.lead_id, full_name: row.lead_name, status: row.lead_status }
      : null,
    archived_at: row.archived_at?.toISOString() ?? null,
    category: row.ai_category ?? null,
  };
}
