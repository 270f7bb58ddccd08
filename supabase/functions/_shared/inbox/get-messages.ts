import { encodeInboxCursor } from "../../../../shared/src/contracts/inbox-cursor.ts";
import {
  messageListQuerySchema,
  type MessageListResponse,
} from "../../../../shared/src/contracts/inbox-messages.ts";
import { requireUser } from "../auth.ts";
import { requireFeature } from "../connect/access.ts";
import { withUser } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { json } from "../http.ts";
import { parseQuery } from "../validate.ts";
import { requireConversation } from "./conversation-access.ts";
import { listMessages } from "./message-list.ts";

/** instagram-get-messages: a conversation's thread, newest first, one page per cursor. */
export function createGetMessagesHandler() {
  return endpoint("GET", async (request) => {
    const claims = await requireUser(request);
    const query = parseQuery(request, messageListQuerySchema);
    const body = await withUser(claims, async (tx): Promise<MessageListResponse> => {
      const conversation = await requireConversation(tx, query.conversation_id);
      await requireFeature(tx, conversation.imo_id, "instagram_messaging");
      const page = await listMessages(tx, conversation.id, query.cursor, query.limit);
      return {
        messages: page.messages,
        next_cursor: page.nextCursor ? encodeInboxCursor(page.nextCursor) : null,
      };
    });
    return json(body);
  });
}
