import {
  type SendMessageRequest,
  sendMessageRequestSchema,
} from "../../../../shared/src/contracts/send-message.ts";
import { requireUser } from "../auth.ts";
import { requireFeature } from "../connect/access.ts";
import { type Tx, withUser } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { HttpError, json } from "../http.ts";
import { requireConversation } from "../inbox/conversation-access.ts";
import { requireGraphCall } from "../meta/rate-governor.ts";
import { parseBody } from "../validate.ts";
import { deliverReply } from "./deliver-reply.ts";
import { answerWithMessage, replay } from "./reply-answer.ts";
import { type ReplyContext, requireReplyWindow } from "./reply-window.ts";

/**
 * instagram-send-message: a member's reply, under RLS and the plan gate. In order: the window
 * (409 `window_closed`), the rate governor (429 with `retry-after`), the row stored `pending` in the
 * member's name, then one call to Meta and `sent` or `failed`. The idempotency key makes a repeated
 * request answer with the same message and call Meta no more.
 */
export function createSendMessageHandler() {
  return endpoint("POST", async (request) => {
    const claims = await requireUser(request);
    const body = await parseBody(request, sendMessageRequestSchema);
    const now = new Date();
    const prior = await withUser(claims, async (tx) => {
      const conversation = await requireConversation(tx, body.conversation_id);
      await requireFeature(tx, conversation.imo_id, "instagram_messaging");
      const known = await findByClientId(tx, body);
      if (known) return { knownId: known };
      return { context: await requireReplyWindow(tx, conversation.id, now) };
    });
    if (prior.knownId) return await replay(claims, prior.knownId);
    const context = prior.context!;

    // text and images count as "send_text": docs/meta-platform.md §2 puts only audio and video at 10/s
    await requireGraphCall(context.channelAccountId, "send_text");
    const messageId = await withUser(claims, (tx) => queueReply(tx, context, body));
    // lost a race with the same key: the other request sends it
    if (!messageId) {
      return await replay(claims, (await withUser(claims, (tx) => findByClientId(tx, body)))!);
    }
    await deliverReply(messageId, context.tag);
    return json(await answerWithMessage(claims, messageId, false));
  });
}

/**
 * The message this key already made, if any. The key belongs to one message: reused by another
 * person or for other content, it is refused rather than answered with someone else's message.
 */
async function findByClientId(tx: Tx, body: SendMessageRequest): Promise<string | undefined> {
  const [known] = await tx<
    { id: string; mine: boolean; text: string | null; url: string | null }[]
  >`
    select id, author_user_id = (select auth.uid()) as mine, text, attachments -> 0 ->> 'url' as url
    from public.messages
    where conversation_id = ${body.conversation_id} and client_message_id = ${body.client_message_id}`;
  if (!known) return undefined;
  if (!known.mine || known.text !== (body.text ?? null) || known.url !== (body.image_url ?? null)) {
    throw new HttpError(
      409,
      "idempotency_key_reused",
      "This client_message_id already belongs to another message",
    );
  }
  return known.id;
}

/** Stores the reply `pending` as the member (RLS checks it); undefined if the key was taken. */
async function queueReply(tx: Tx, context: ReplyContext, body: SendMessageRequest) {
  const image = body.image_url ? [{ type: "image", url: body.image_url }] : [];
  const [row] = await tx<{ id: string }[]>`
    insert into public.messages (imo_id, channel_account_id, conversation_id, client_message_id,
      direction, author_kind, author_user_id, type, text, attachments, status)
    values (${context.imoId}, ${context.channelAccountId}, ${context.conversationId},
      ${body.client_message_id}, 'outbound', 'user', (select auth.uid()),
      ${body.image_url ? "media" : "text"}, ${body.text ?? null}, ${tx.json(image)}, 'pending')
    on conflict (conversation_id, client_message_id) do nothing
    returning id`;
  return row?.id;
}
