import {
  conversationListQuerySchema,
  type ConversationListResponse,
} from "../../../../shared/src/contracts/inbox-conversations.ts";
import { encodeInboxCursor } from "../../../../shared/src/contracts/inbox-cursor.ts";
import { requireUser } from "../auth.ts";
import { requireImoRole } from "../connect/access.ts";
import { withUser } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { json } from "../http.ts";
import { parseQuery } from "../validate.ts";
import { listConversations, unreadByAccount } from "./conversation-list.ts";

/**
 * instagram-get-conversations: a channel tab's inbox (Instagram unless `platform` says Bluesky or
 * all), one page with its filters, plus the unread badges per account of that tab. Any member of
 * an IMO whose plan has messaging.
 */
export function createGetConversationsHandler() {
  return endpoint("GET", async (request) => {
    const claims = await requireUser(request);
    const query = parseQuery(request, conversationListQuerySchema);
    const now = new Date();
    const platform = query.platform === "all" ? undefined : query.platform ?? "instagram";
    const body = await withUser(claims, async (tx): Promise<ConversationListResponse> => {
      await requireImoRole(tx, query.imo_id, ["owner", "admin", "recruiter"], {
        feature: "instagram_messaging",
      });
      // both queries go down the transaction's connection together (postgres.js pipelines them)
      const [page, unread] = await Promise.all([
        listConversations(tx, {
          imoId: query.imo_id,
          platform,
          channelAccountId: query.channel_account_id,
          search: query.q,
          priorityOnly: query.priority,
          unreadOnly: query.unread,
          window: query.window,
          assignee: query.assignee,
          archived: query.archived,
          category: query.category,
          cursor: query.cursor,
          limit: query.limit,
        }, now),
        unreadByAccount(tx, query.imo_id, platform),
      ]);
      return {
        conversations: page.conversations,
        next_cursor: page.nextCursor ? encodeInboxCursor(page.nextCursor) : null,
        unread_by_account: unread,
      };
    });
    return json(body);
  });
}
