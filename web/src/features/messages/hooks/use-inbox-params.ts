import {
  OPPORTUNITY_CATEGORIES,
  type OpportunityCategory,
} from "@dm-desk/shared/contracts/message-analysis";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { ConversationFilters } from "@/features/messages/api/keys.ts";

export type InboxToggle = "priority" | "unread" | "mine" | "archived";

/** The channel tabs: one platform's conversations, or every channel's together. */
export const INBOX_CHANNELS = ["instagram", "bluesky", "all"] as const;
export type InboxChannel = (typeof INBOX_CHANNELS)[number];

/**
 * The inbox's state lives in the URL (`?conversation=…&account=…&q=…&priority=1&unread=1&mine=1`
 * `&archived=1&channel=bluesky`),
 * so a reload, the back button and a link from the Leads page land on the same view.
 */
export function useInboxParams() {
  const [params, setParams] = useSearchParams();
  const conversationId = params.get("conversation") ?? undefined;
  const accountId = params.get("account") ?? undefined;
  const channel: InboxChannel = INBOX_CHANNELS.find((name) => name === params.get("channel")) ??
    "instagram";
  const search = params.get("q") ?? "";
  const category = OPPORTUNITY_CATEGORIES.find((c) => c === params.get("category"));
  const toggles = {
    priority: params.get("priority") === "1",
    unread: params.get("unread") === "1",
    mine: params.get("mine") === "1",
    archived: params.get("archived") === "1",
  };

  // The list query's filters; a search shorter than the server's 2 characters is not sent.
  const filters = useMemo<ConversationFilters>(() => {
    const query = search.trim();
    return {
      ...(channel === "instagram" ? {} : { platform: channel }),
      ...(accountId ? { channel_account_id: accountId } : {}),
      ...(query.length >= 2 ? { q: query } : {}),
      ...(toggles.priority ? { priority: "true" as const } : {}),
      ...(toggles.unread ? { unread: "true" as const } : {}),
      ...(toggles.mine ? { assignee: "me" as const } : {}),
      ...(toggles.archived ? { archived: "true" as const } : {}),
      ...(category ? { category } : {}),
    };
  }, [
    channel,
    accountId,
    search,
    toggles.priority,
    toggles.unread,
    toggles.mine,
    toggles.archived,
    category,
  ]);

  // Opening a conversation is a history entry (Back returns to the list on a phone); filters are not.
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
    conversationId,
    channel,
    accountId,
    search,
    toggles,
    category,
    filters,
    openConversation: (id: string | undefined) => update({ conversation: id }, true),
    setAccount: (id: string | undefined) => update({ account: id }),
    // another tab lists other accounts: the account filter and the open conversation go
    setChannel: (next: InboxChannel) =>
      update({
        channel: next === "instagram" ? undefined : next,
        account: undefined,
        conversation: undefined,
      }),
    setSearch: (text: string) => update({ q: text || undefined }),
    setToggle: (name: InboxToggle, isOn: boolean) => update({ [name]: isOn ? "1" : undefined }),
    setCategory: (value: OpportunityCategory | undefined) => update({ category: value }),
  };
}
