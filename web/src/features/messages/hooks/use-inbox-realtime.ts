import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { inboxKeys } from "@/features/messages/api/keys.ts";
import {
  applyInboxChange,
  changedThreadId,
  inboxChangeSchema,
} from "@/features/messages/utils/apply-inbox-change.ts";
import { supabase } from "@/lib/supabase.ts";

// Lists refetch at most this often however many events a burst brings.
const LIST_REFRESH_DELAY_MS = 300;

/**
 * Live inbox: joins the IMO's private Realtime topic `imo:<imo_id>` and applies each broadcast
 * change to the cached lists and threads (applyInboxChange), refetching lists only when a patch
 * cannot place a change, and then once per burst. After a reconnect everything of the IMO is
 * refetched, since events sent while away are not replayed. A message event also refreshes its
 * conversation's scheduled messages (once per burst): a scheduled one that went out or failed, or
 * the contact's reply that released or cancelled some, shows as a message. Without events (no Realtime server,
 * or a quiet inbox) nothing happens: the queries work on their own.
 */
export function useInboxRealtime(imoId: string) {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!imoId) return;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    let scheduledTimer: ReturnType<typeof setTimeout> | undefined;
    const scheduledToRefresh = new Set<string>();
    let hasJoined = false;
    let hasDropped = false;

    const refreshListsSoon = () => {
      if (refreshTimer) return;
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        void queryClient.invalidateQueries({ queryKey: inboxKeys.conversationLists(imoId) });
      }, LIST_REFRESH_DELAY_MS);
    };

    const refreshScheduledSoon = (conversationId: string) => {
      scheduledToRefresh.add(conversationId);
      if (scheduledTimer) return;
      scheduledTimer = setTimeout(() => {
        scheduledTimer = undefined;
        for (const id of scheduledToRefresh) {
          void queryClient.invalidateQueries({ queryKey: inboxKeys.scheduled(imoId, id) });
        }
        scheduledToRefresh.clear();
      }, LIST_REFRESH_DELAY_MS);
    };

    const channel = supabase
      .channel(`imo:${imoId}`, { config: { private: true } })
      .on("broadcast", { event: "*" }, (message: { payload?: unknown }) => {
        const change = inboxChangeSchema.safeParse(message.payload);
        if (!change.success) return;
        if (applyInboxChange(queryClient, imoId, change.data) === "refetch_lists") {
          refreshListsSoon();
        }
        const threadId = changedThreadId(change.data);
        if (threadId) refreshScheduledSoon(threadId);
      })
      .subscribe((status) => {
        if (status === "SUBSCRIBED") {
          if (hasJoined && hasDropped) {
            void queryClient.invalidateQueries({ queryKey: inboxKeys.imo(imoId) });
          }
          hasJoined = true;
          hasDropped = false;
        } else {
          hasDropped = true;
        }
      });

    return () => {
      clearTimeout(refreshTimer);
      clearTimeout(scheduledTimer);
      void supabase.removeChannel(channel);
    };
  }, [imoId, queryClient]);
}
