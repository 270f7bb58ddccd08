import { retryMessageRequestSchema } from "../../../../shared/src/contracts/send-message.ts";
import {
  PRIVATE_REPLY_EXPLANATIONS,
  privateReplyBlock,
} from "../../../../shared/src/rules/private-replies.ts";
import { mayHaveBeenSent } from "../../../../shared/src/rules/send-errors.ts";
import { requireUser } from "../auth.ts";
import { requireFeature } from "../connect/access.ts";
import { asService, type Tx, withUser } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { HttpError, json } from "../http.ts";
import { requireGraphCall } from "../meta/rate-governor.ts";
import { parseBody } from "../validate.ts";
import { deliverReply } from "./deliver-reply.ts";
import { answerWithMessage, replay } from "./reply-answer.ts";
import { requireReplyWindow } from "./reply-window.ts";

/**
 * instagram-retry-message: a failed reply, tried again as the same message (same row, a new
 * attempt), by its author or an owner or admin. The window and the rate governor apply as for a
 * first send; a private reply keeps to its comment's rules instead (docs/meta-platform.md §9
 * "Private Replies"). A failure after which Meta may have sent the message anyway is retried only when
 * the person confirms it; two retries at once make one attempt.
 */
export function createRetryMessageHandler() {
  return endpoint("POST", async (request) => {
    const claims = await requireUser(request);
    const body = await parseBody(request, retryMessageRequestSchema);
    const now = new Date();
    const ready = await withUser(claims, async (tx) => {
      const message = await requireRetriable(tx, body.message_id);
      if (message.status !== "failed") return { settled: true as const };
      if (mayHaveBeenSent(message.error_code) && !body.confirm_may_have_been_sent) {
        throw new HttpError(
          409,
          "may_have_been_sent",
          "Meta may have delivered this message already; check Instagram, then confirm to send it again",
          { error_code: message.error_code },
        );
      }
      // a private reply answers its comment: Meta's comment rules apply, not the 24 h window
      if (message.private_reply_to_comment_id) {
        const block = privateReplyBlock({ ...message.comment!, has_private_reply: false }, now);
        if (block) {
          throw new HttpError(409, `private_reply_${block}`, PRIVATE_REPLY_EXPLANATIONS[block]);
        }
        return {
          context: { channelAccountId: message.channel_account_id, tag: undefined },
          isPrivateReply: true,
        };
      }
      return {
        context: await requireReplyWindow(tx, message.conversation_id, now),
        isPrivateReply: false,
      };
    });
    if (ready.settled) return await replay(claims, body.message_id);
    const context = ready.context!;

    await requireGraphCall(
      context.channelAccountId,
      ready.isPrivateReply ? "private_reply" : "send_text",
    );
    if (!await claimAttempt(body.message_id)) return await replay(claims, body.message_id);
    await deliverReply(body.message_id, context.tag);
    return json(await answerWithMessage(claims, body.message_id, false));
  });
}

/** The message as the caller sees it (404 otherwise): a person's reply that they may retry. */
async function requireRetriable(tx: Tx, messageId: string) {
  const [message] = await tx<
    {
      conversation_id: string;
      channel_account_id: string;
      imo_id: string;
      status: string;
      error_code: string | null;
      authored: boolean;
      role: string | null;
      private_reply_to_comment_id: string | null;
      comment: { author_kind: string; commented_at: string; deleted_at: string | null } | null;
    }[]
  >`
    select m.conversation_id, m.channel_account_id, m.imo_id, m.status::text, m.error_code,
      m.author_user_id = (select auth.uid()) as authored, mem.role::text as role,
      m.private_reply_to_comment_id,
      case when pc.id is not null then json_build_object('author_kind', pc.author_kind,
        'commented_at', pc.commented_at, 'deleted_at', pc.deleted_at) end as comment
    from public.messages m
    left join public.imo_members mem on mem.imo_id = m.imo_id and mem.user_id = (select auth.uid())
    left join public.comments pc on pc.id = m.private_reply_to_comment_id
    where m.id = ${messageId} and m.direction = 'outbound' and m.author_kind = 'user'`;
  if (!message) throw new HttpError(404, "message_not_found", "No such message");
  await requireFeature(tx, message.imo_id, "instagram_messaging");
  if (!message.authored && message.role !== "owner" && message.role !== "admin") {
    throw new HttpError(
      403,
      "forbidden",
      "Only the author of a message, an owner or an admin may retry it",
    );
  }
  return message;
}

/**
 * `failed` → `pending` for this attempt, dated now (the echo of a late retry is matched by its
 * time, and the thread shows when it really left). False when another retry or an echo came first.
 */
async function claimAttempt(messageId: string): Promise<boolean> {
  try {
    const claimed = await asService((tx) =>
      tx`update public.messages set status = 'pending', error_code = null, error_message = null,
           sent_at = now()
         where id = ${messageId} and status = 'failed' and external_id is null
         returning id`
    );
    return claimed.length === 1;
  } catch (error) {
    // a private reply: another one to the same comment is on its way or sent (one per comment)
    if ((error as { code?: string }).code === "23505") {
      throw new HttpError(
        409,
        "private_reply_already_replied",
        PRIVATE_REPLY_EXPLANATIONS.already_replied,
      );
    }
    throw error;
  }
}
