import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { z } from "zod";
import { commentKeys } from "@/features/comments/api/keys.ts";
import { supabase } from "@/lib/supabase.ts";

// Lists and threads refetch at most this often however many events a burst brings.
const REFRESH_DELAY_MS = 300;

const changeSchema = z.object({
  table: z.string(),
  record: z.object({ post_id: z.string().optional(), id: z.string() }).loose().nullable()
    .optional(),
  old_record: z.object({ post_id: z.string().optional(), id: z.string() }).loose().nullable()
    .optional(),
});

/**
 * Live comments: the IMO's private Realtime topic `imo:<imo_id>` carries every change to posts
 * and comments (the broadcast triggers of their migrations). A burst of them refetches the lists
 * and the posts it touched, once; joining (and joining again after a drop) refetches everything,
 * since nothing sent before is replayed.
 * Without events the queries work on their own.
 */
export function useCommentsRealtime(imoId: string) {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!imoId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const posts = new Set<string>();
    let hasJoined = false;
    let hasDropped = false;

    const refreshSoon = (postId: string | undefined) => {
      if (postId) posts.add(postId);
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void queryClient.invalidateQueries({ queryKey: commentKeys.postLists(imoId) });
        for (const id of posts) {
          void queryClient.invalidateQueries({ queryKey: commentKeys.postThreads(imoId, id) });
        }
        posts.clear();
      }, REFRESH_DELAY_MS);
    };

    const channel = supabase
      .channel(`imo:${imoId}`, { config: { private: true } })
      .on("broadcast", { event: "*" }, (message: { payload?: unknown }) => {
        const change = changeSchema.safeParse(message.payload);
        if (!change.success) return;
        const row = change.data.record ?? change.data.old_record;
        if (change.data.table === "comments") refreshSoon(row?.post_id);
        else if (change.data.table === "posts") refreshSoon(row?.id);
      })
      .subscribe((status) => {
        if (status === "SUBSCRIBED") {
          // what changed before we listened (another page's cached lists, a reconnect) is refetched
          if (!hasJoined || hasDropped) {
            void queryClient.invalidateQueries({ queryKey: commentKeys.imo(imoId) });
          }
          hasJoined = true;
          hasDropped = false;
        } else {
          hasDropped = true;
        }
      });

    return () => {
      clearTimeout(timer);
      void supabase.removeChannel(channel);
    };
  }, [imoId, queryClient]);
}
