import {
  type TriageRequest,
  triageRequestSchema,
  type TriageResponse,
} from "../../../../shared/src/contracts/inbox-conversations.ts";
import { requireUser } from "../auth.ts";
import { requireFeature } from "../connect/access.ts";
import { type Tx, withUser } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { HttpError, json } from "../http.ts";
import { parseBody } from "../validate.ts";
import { requireConversation } from "./conversation-access.ts";
import { getInboxConversation } from "./conversation-list.ts";

/**
 * conversation-triage: mark read, priority, assignment and archive, for any member of the
 * conversation's IMO (under RLS and the column grants members have). Answers with the row as the
 * inbox shows it, so the list can update without a refetch.
 */
export function createTriageConversationHandler() {
  return endpoint("POST", async (request) => {
    const claims = await requireUser(request);
    const body = await parseBody(request, triageRequestSchema);
    const now = new Date();
    const answer = await withUser(claims, async (tx): Promise<TriageResponse> => {
      const conversation = await requireConversation(tx, body.conversation_id);
      await requireFeature(tx, conversation.imo_id, "instagram_messaging");
      await applyTriage(tx, conversation.imo_id, body);
      const row = await getInboxConversation(tx, conversation.id, now);
      return { conversation: row! };
    });
    return json(answer);
  });
}

async function applyTriage(tx: Tx, imoId: string, body: TriageRequest) {
  switch (body.action) {
    case "mark_read":
      await tx`select public.mark_conversation_read(${body.conversation_id})`;
      return;
    case "set_priority":
      await tx`update public.conversations set is_priority = ${body.is_priority}
        where id = ${body.conversation_id}`;
      return;
    case "assign":
      if (body.user_id) await requireMember(tx, imoId, body.user_id);
      await tx`update public.conversations set assigned_to = ${body.user_id}
        where id = ${body.conversation_id}`;
      return;
    case "archive":
      // the server dates it (a trigger): the value sent only says "archived"
      await tx`update public.conversations
        set archived_at = ${body.archived ? tx`now()` : null}
        where id = ${body.conversation_id}`;
      return;
  }
}

async function requireMember(tx: Tx, imoId: string, userId: string) {
  const [member] = await tx`
    select 1 from public.imo_members where imo_id = ${imoId} and user_id = ${userId}`;
  if (!member) {
    throw new HttpError(
      422,
      "assignee_not_member",
      "Only a member of this workspace can be assigned",
    );
  }
}
