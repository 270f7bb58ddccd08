import type { Tx } from "../db.ts";
import { HttpError } from "../http.ts";

/**
 * Inside `withUser`: the conversation as the caller may see it. RLS hides other IMOs' rows, so a
 * stranger gets the same 404 as for an id that does not exist and learns nothing.
 */
export async function requireConversation(tx: Tx, conversationId: string) {
  const [conversation] = await tx<{ id: string; imo_id: string; channel_account_id: string }[]>`
    select id, imo_id, channel_account_id from public.conversations where id = ${conversationId}`;
  if (!conversation) {
    throw new HttpError(404, "conversation_not_found", "No such conversation");
  }
  return conversation;
}
