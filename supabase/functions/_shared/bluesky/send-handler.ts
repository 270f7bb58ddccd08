import {
  blueskyDmTextSchema,
  blueskyPostTextSchema,
  type BlueskySendRequest,
  blueskySendRequestSchema,
} from "../../../../shared/src/contracts/bluesky.ts";
import { messagePostSchema } from "../../../../shared/src/schemas/message.ts";
import { requireUser } from "../auth.ts";
import { requireFeature } from "../connect/access.ts";
import { type Tx, withUser } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { HttpError, json } from "../http.ts";
import { answerWithMessage, replay } from "../send/reply-answer.ts";
import { parseBody } from "../validate.ts";
import { deliverBlueskyMessage } from "./deliver-message.ts";

interface Target {
  conversationId: string;
  imoId: string;
  channelAccountId: string;
  kind: "direct" | "public";
  /** the post answered, for a public conversation */
  replyTo?: { id: string; post: unknown };
}

/**
 * bluesky-send-message: a member answers a Bluesky conversation as it came in. A public one gets
 * a reply in the thread of the post answered (by default the contact's latest); a direct one gets
 * a DM. Stored `pending` in the member's name under RLS and the plan gate, then `sent` with the
 * post's URI or the DM's id, or `failed` with Bluesky's error. The same `client_message_id` again
 * answers with the same message and posts nothing more.
 */
export function createBlueskySendHandler() {
  return endpoint("POST", async (request) => {
    const claims = await requireUser(request);
    const body = await parseBody(request, blueskySendRequestSchema);
    const prior = await withUser(claims, async (tx) => {
      const target = await requireTarget(tx, body);
      await requireFeature(tx, target.imoId, "instagram_messaging");
      const known = await findByClientId(tx, body);
      return known ? { knownId: known } : { target };
    });
    if (prior.knownId) return await replay(claims, prior.knownId);
    const target = prior.target!;
    const text = (target.kind === "public" ? blueskyPostTextSchema : blueskyDmTextSchema)
      .safeParse(body.text);
    if (!text.success) {
      throw new HttpError(422, "validation_failed", "The text cannot go out on Bluesky", [
        { path: "text", message: text.error.issues[0]!.message },
      ]);
    }

    const messageId = await withUser(claims, (tx) => queueReply(tx, target, body));
    if (!messageId) {
      return await replay(claims, (await withUser(claims, (tx) => findByClientId(tx, body)))!);
    }
    await deliverBlueskyMessage(messageId);
    return json(await answerWithMessage(claims, messageId, false));
  });
}

/** The conversation (RLS decides who sees it) and, for a public one, the post to answer. */
async function requireTarget(tx: Tx, body: BlueskySendRequest): Promise<Target> {
  const [conversation] = await tx<
    { id: string; imo_id: string; channel_account_id: string; kind: "direct" | "public" }[]
  >`
    select c.id, c.imo_id, c.channel_account_id, c.kind from public.conversations c
    join public.channel_accounts a on a.id = c.channel_account_id
    where c.id = ${body.conversation_id} and a.platform = 'bluesky'`;
  if (!conversation) {
    throw new HttpError(404, "conversation_not_found", "No such Bluesky conversation");
  }
  const target: Target = {
    conversationId: conversation.id,
    imoId: conversation.imo_id,
    channelAccountId: conversation.channel_account_id,
    kind: conversation.kind,
  };
  if (conversation.kind === "direct") return target;
  const [post] = await tx<{ id: string; post: unknown }[]>`
    select id, post from public.messages
    where conversation_id = ${conversation.id} and post is not null and deleted_at is null
      ${
    body.reply_to_message_id
      ? tx`and id = ${body.reply_to_message_id}`
      : tx`and direction = 'inbound'`
  }
    order by sent_at desc limit 1`;
  if (!post || !messagePostSchema.safeParse(post.post).success) {
    throw new HttpError(
      422,
      "nothing_to_reply_to",
      "There is no post of this conversation to reply to",
    );
  }
  return { ...target, replyTo: post };
}

async function findByClientId(tx: Tx, body: BlueskySendRequest): Promise<string | undefined> {
  const [known] = await tx<{ id: string; mine: boolean; text: string | null }[]>`
    select id, author_user_id = (select auth.uid()) as mine, text from public.messages
    where conversation_id = ${body.conversation_id} and client_message_id = ${body.client_message_id}`;
  if (!known) return undefined;
  if (!known.mine || known.text !== body.text) {
    throw new HttpError(
      409,
      "idempotency_key_reused",
      "This client_message_id already belongs to another message",
    );
  }
  return known.id;
}

/** `pending` as the member (RLS checks it); the post it answers is linked at once. */
async function queueReply(tx: Tx, target: Target, body: BlueskySendRequest) {
  const [row] = await tx<{ id: string }[]>`
    insert into public.messages (imo_id, channel_account_id, conversation_id, client_message_id,
      direction, author_kind, author_user_id, type, text, reply_to_message_id, status)
    values (${target.imoId}, ${target.channelAccountId}, ${target.conversationId},
      ${body.client_message_id}, 'outbound', 'user', (select auth.uid()), 'text', ${body.text},
      ${target.replyTo?.id ?? null}, 'pending')
    on conflict (conversation_id, client_message_id) do nothing
    returning id`;
  return row?.id;
}
