import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import type { MembersResponse } from "@dm-desk/shared/contracts/workspaces";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { memberKeys } from "@/features/members/api/keys.ts";
import { type ConversationFilters, inboxKeys } from "@/features/messages/api/keys.ts";
import { useInboxRealtime } from "@/features/messages/hooks/use-inbox-realtime.ts";
import type { ConversationPages, ThreadPages } from "@/features/messages/utils/inbox-cache.ts";
import { fakeConversation, fakeMessage, WORKSPACE_ID } from "@/testing/fixtures.ts";
import { channels, supabase } from "@/testing/supabase-mock.ts";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const ACCOUNT = "00000000-0000-4000-8000-000000000001";
const conversation = fakeConversation({ channel_account_id: ACCOUNT, unread_count: 1 });
const FILTERS: ConversationFilters = {};

/** A conversations row as the database broadcasts it (to_jsonb of the row). */
function conversationRow(overrides: Record<string, unknown> = {}) {
  return {
    id: conversation.id,
    imo_id: WORKSPACE_ID,
    channel_account_id: ACCOUNT,
    contact_id: conversation.contact.id,
    external_conversation_id: null,
    last_message_at: conversation.last_message_at,
    last_message_preview: conversation.preview,
    last_message_direction: "inbound",
    unread_count: 1,
    last_read_at: null,
    last_inbound_at: conversation.last_message_at,
    can_reply_until: conversation.window.reply_until,
    human_agent_until: conversation.window.human_agent_until,
    only_story_mentions: false,
    is_priority: false,
    recruiting_lead_id: null,
    assigned_to: null,
    kind: "direct",
    ai_mode: "off",
    ai_takeover_until: null,
    ai_takeover_by: null,
    qualification_state: "new",
    lead_source_type: null,
    lead_source_ref: null,
    lead_source_ad_id: null,
    lead_source_referral: null,
    lead_source_at: null,
    archived_at: null,
    created_at: conversation.last_message_at,
    updated_at: conversation.last_message_at,
    ...overrides,
  };
}

/** A messages row as the database broadcasts it. */
function messageRow(overrides: Record<string, unknown> = {}) {
  const at = new Date().toISOString().replace("Z", "+00:00");
  return {
    id: "00000000-0000-4000-b000-00000000ffff",
    imo_id: WORKSPACE_ID,
    channel_account_id: ACCOUNT,
    conversation_id: conversation.id,
    external_id: "mid.live",
    client_message_id: null,
    direction: "inbound",
    author_kind: "contact",
    author_user_id: null,
    type: "text",
    text: "Are you still there?",
    attachments: [],
    edits: [],
    reactions: [],
    reactions_changed_at: {},
    reply_to_message_id: null,
    reply_to_external_id: null,
    reply_to_story: null,
    post: null,
    quick_reply_payload: null,
    postback_payload: null,
    status: "delivered",
    error_code: null,
    error_message: null,
    sent_at: at,
    delivered_at: null,
    read_at: null,
    deleted_at: null,
    created_at: at,
    updated_at: at,
    scheduled_message_id: null,
    automation_rule: null,
    private_reply_to_comment_id: null,
    comment_rule_id: null,
    ...overrides,
  };
}

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const existing = fakeMessage({ conversation_id: conversation.id, text: "Hello" });
  queryClient.setQueryData<ConversationPages>(inboxKeys.conversationList(WORKSPACE_ID, FILTERS), {
    pages: [{
      conversations: [conversation],
      next_cursor: null,
      unread_by_account: [
        { channel_account_id: ACCOUNT, unread_conversations: 1, unread_messages: 1 },
      ],
    }],
    pageParams: [null],
  });
  queryClient.setQueryData<ThreadPages>(inboxKeys.thread(WORKSPACE_ID, conversation.id), {
    pages: [{ messages: [existing], next_cursor: null }],
    pageParams: [null],
  });
  const invalidate = vi.spyOn(queryClient, "invalidateQueries");
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useInboxRealtime(WORKSPACE_ID), { wrapper });
  const channel = channels[0]!;
  const thread = () =>
    queryClient.getQueryData<ThreadPages>(inboxKeys.thread(WORKSPACE_ID, conversation.id))!
      .pages[0]!.messages;
  const list = () =>
    queryClient.getQueryData<ConversationPages>(inboxKeys.conversationList(WORKSPACE_ID, FILTERS))!
      .pages[0]!;
  return { queryClient, invalidate, hook, channel, thread, list, existing };
}

describe("useInboxRealtime", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
  afterEach(() => vi.useRealTimers());

  it("joins the IMO's private topic, and does nothing while no event comes", () => {
    const { channel, invalidate, thread, list, hook } = setup();
    expect(supabase.channel).toHaveBeenCalledWith(`imo:${WORKSPACE_ID}`, {
      config: { private: true },
    });
    act(() => channel.setStatus("SUBSCRIBED"));
    act(() => void vi.advanceTimersByTime(5_000));
    expect(invalidate).not.toHaveBeenCalled();
    expect(thread()).toHaveLength(1);
    expect(list().conversations[0]).toEqual(conversation);

    hook.unmount();
    expect(channel.isRemoved).toBe(true);
  });

  it("puts a broadcast message into its open thread as the newest, once", () => {
    const { channel, thread, invalidate } = setup();
    const payload = {
      operation: "INSERT",
      table: "messages",
      schema: "public",
      record: messageRow(),
      old_record: null,
    };
    act(() => channel.broadcast("INSERT", payload));
    act(() => channel.broadcast("INSERT", payload));
    expect(thread().map((m) => m.text)).toEqual(["Are you still there?", "Hello"]);
    expect(thread()[0]).toMatchObject({
      id: messageRow().id,
      status: "delivered",
      author: { kind: "contact" },
    });
    expect(invalidate).not.toHaveBeenCalled();
  });

  it("names a teammate's first reply in the thread and the list from the IMO's members", () => {
    const { channel, thread, list, queryClient } = setup();
    const riley = "00000000-0000-4000-8000-0000000000b2";
    queryClient.setQueryData<MembersResponse>(memberKeys.list(WORKSPACE_ID), {
      members: [{
        user_id: riley,
        email: "riley@example.com",
        display_name: "Riley",
        role: "recruiter",
        joined_at: new Date().toISOString(),
      }],
      invitations: [],
    });
    act(() =>
      channel.broadcast("INSERT", {
        operation: "INSERT",
        table: "messages",
        schema: "public",
        record: messageRow({
          id: "00000000-0000-4000-8000-00000000e0b2",
          direction: "outbound",
          author_kind: "user",
          author_user_id: riley,
          text: "Riley here, happy to help",
        }),
        old_record: null,
      })
    );
    expect(thread()[0]?.author).toMatchObject({
      kind: "user",
      user_id: riley,
      display_name: "Riley",
    });
    expect(list().conversations[0]?.last_message_author).toEqual({
      kind: "user",
      user_id: riley,
      display_name: "Riley",
    });
  });

  it("replaces the optimistic reply with its row, matched by client_message_id", () => {
    const { channel, thread, queryClient } = setup();
    const key = "00000000-0000-4000-8000-00000000c001";
    queryClient.setQueryData<ThreadPages>(
      inboxKeys.thread(WORKSPACE_ID, conversation.id),
      (data) => ({
        ...data!,
        pages: [{
          messages: [
            {
              ...fakeMessage({
                id: key,
                conversation_id: conversation.id,
                direction: "outbound",
                status: "pending",
                text: "On my way",
                author: {
                  kind: "user",
                  user_id: "00000000-0000-4000-8000-000000000099",
                  display_name: "Alex",
                },
              }),
              client_message_id: key,
              is_local: true,
            },
            ...data!.pages[0]!.messages,
          ],
          next_cursor: null,
        }],
      }),
    );
    const row = messageRow({
      direction: "outbound",
      author_kind: "user",
      author_user_id: "00000000-0000-4000-8000-000000000099",
      client_message_id: key,
      text: "On my way",
      status: "sent",
    });
    act(() =>
      channel.broadcast("UPDATE", {
        operation: "UPDATE",
        table: "messages",
        record: row,
        old_record: row,
      })
    );
    expect(thread()).toHaveLength(2);
    expect(thread()[0]).toMatchObject({
      id: row.id,
      status: "sent",
      author: { display_name: "Alex" },
    });
  });

  it('marks the row "Not sent" when its newest reply fails, and clears it when it goes out', () => {
    const { channel, list } = setup();
    const reply = (status: string, sentAt: string) =>
      messageRow({
        id: "00000000-0000-4000-b000-00000000f00d",
        direction: "outbound",
        author_kind: "user",
        author_user_id: "00000000-0000-4000-8000-000000000099",
        status,
        sent_at: sentAt,
      });
    const update = (record: Record<string, unknown>) =>
      act(() =>
        channel.broadcast("UPDATE", {
          operation: "UPDATE",
          table: "messages",
          record,
          old_record: record,
        })
      );
    // an older reply failing is not the row's news
    update(
      reply("failed", new Date(Date.parse(conversation.last_message_at!) - 60_000).toISOString()),
    );
    expect(list().conversations[0]!.last_message_failed).toBeFalsy();

    update(reply("failed", conversation.last_message_at!));
    expect(list().conversations[0]!.last_message_failed).toBe(true);
    update(reply("sent", conversation.last_message_at!));
    expect(list().conversations[0]!.last_message_failed).toBe(false);

    // a newer message moves the conversation: the failed reply is no longer its newest
    update(reply("failed", conversation.last_message_at!));
    const later = new Date(Date.parse(conversation.last_message_at!) + 60_000).toISOString();
    act(() =>
      channel.broadcast("UPDATE", {
        operation: "UPDATE",
        table: "conversations",
        record: conversationRow({ last_message_at: later }),
        old_record: { id: conversation.id, unread_count: 1 },
      })
    );
    expect(list().conversations[0]!.last_message_failed).toBe(false);
  });

  it("patches a conversation in place and moves its account's unread badge", () => {
    const { channel, list, invalidate } = setup();
    const old = conversationRow();
    const record = conversationRow({ unread_count: 0, is_priority: true });
    act(() =>
      channel.broadcast("UPDATE", {
        operation: "UPDATE",
        table: "conversations",
        record,
        // what the database sends of the old row
        old_record: { id: old.id, unread_count: old.unread_count },
      })
    );
    expect(list().conversations[0]).toMatchObject({ unread_count: 0, is_priority: true });
    expect(list().unread_by_account).toEqual([]);
    act(() => void vi.advanceTimersByTime(1_000));
    expect(invalidate).not.toHaveBeenCalled();
  });

  it("refetches the lists once for a burst it cannot place (new conversations, new messages)", () => {
    const { channel, invalidate, list } = setup();
    for (let i = 0; i < 20; i++) {
      const id = `00000000-0000-4000-9000-0000000aa${String(i).padStart(3, "0")}`;
      act(() =>
        channel.broadcast("INSERT", {
          operation: "INSERT",
          table: "conversations",
          record: conversationRow({ id }),
          old_record: null,
        })
      );
    }
    const newer = conversationRow({
      last_message_at: new Date().toISOString(),
      last_message_preview: "New!",
      unread_count: 2,
    });
    act(() =>
      channel.broadcast("UPDATE", {
        operation: "UPDATE",
        table: "conversations",
        record: newer,
        old_record: conversationRow(),
      })
    );
    expect(list().conversations[0]).toMatchObject({ preview: "New!", unread_count: 2 });
    expect(list().unread_by_account[0]).toMatchObject({
      unread_conversations: 1,
      unread_messages: 2,
    });
    expect(invalidate).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(1_000));
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(invalidate).toHaveBeenCalledWith({
      queryKey: inboxKeys.conversationLists(WORKSPACE_ID),
    });
  });

  it("refreshes the conversation's scheduled messages once per burst of its message events", () => {
    const { channel, invalidate } = setup();
    const sentBySchedule = messageRow({
      direction: "outbound",
      author_kind: "automation",
      status: "sent",
      scheduled_message_id: "00000000-0000-4000-8000-000000005c01",
      automation_rule: "scheduled_message",
    });
    for (const operation of ["INSERT", "UPDATE", "UPDATE"]) {
      act(() =>
        channel.broadcast(operation, {
          operation,
          table: "messages",
          record: sentBySchedule,
          old_record: operation === "UPDATE" ? sentBySchedule : null,
        })
      );
    }
    expect(invalidate).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(1_000));
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(invalidate).toHaveBeenCalledWith({
      queryKey: inboxKeys.scheduled(WORKSPACE_ID, conversation.id),
    });
  });

  it("refetches everything of the IMO after a reconnect, not after the first join", () => {
    const { channel, invalidate } = setup();
    act(() => channel.setStatus("SUBSCRIBED"));
    expect(invalidate).not.toHaveBeenCalled();
    act(() => channel.setStatus("CHANNEL_ERROR"));
    act(() => channel.setStatus("SUBSCRIBED"));
    expect(invalidate).toHaveBeenCalledWith({ queryKey: inboxKeys.imo(WORKSPACE_ID) });
  });

  it("ignores payloads that are not inbox changes", () => {
    const { channel, thread, invalidate } = setup();
    act(() => channel.broadcast("ping", { hello: "world" }));
    act(() =>
      channel.broadcast("INSERT", {
        operation: "INSERT",
        table: "messages",
        record: { id: "nope" },
      })
    );
    expect(thread()).toHaveLength(1);
    act(() => void vi.advanceTimersByTime(1_000));
    // a row that does not parse is refetched rather than guessed at
    expect(invalidate).toHaveBeenCalledTimes(1);
  });
});
