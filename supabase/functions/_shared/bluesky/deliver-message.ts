import { type Agent, RichText, XRPCError } from "@atproto/api";
import { type MessagePost, messagePostSchema } from "../../../../shared/src/schemas/message.ts";
import { asService } from "../db.ts";
import { HttpError } from "../http.ts";
import { type BlueskyAccount, withAccountAgent } from "./account-agent.ts";
import { chatOf } from "./poll-chat.ts";
import { postReferences, replyRefs } from "./post-refs.ts";

interface Outgoing {
  id: string;
  channel_account_id: string;
  text: string;
  kind: "direct" | "public";
  contact_did: string;
  convo_id: string | null;
  reply_to_post: unknown;
}

/**
 * Sends a `pending` Bluesky message and settles it: `sent` with the post's URI or the DM's id,
 * or `failed` with Bluesky's error name. Never throws for Bluesky's answers: the message says
 * what happened.
 */
export async function deliverBlueskyMessage(messageId: string) {
  const [message] = await asService((tx) =>
    tx<Outgoing[]>`
      select m.id, m.channel_account_id, m.text, c.kind, k.external_id as contact_did,
        c.external_conversation_id as convo_id, parent.post as reply_to_post
      from public.messages m
      join public.conversations c on c.id = m.conversation_id
      join public.contacts k on k.id = c.contact_id
      left join public.messages parent on parent.id = m.reply_to_message_id
      where m.id = ${messageId} and m.status = 'pending'`
  );
  if (!message) return;
  try {
    await withAccountAgent(
      message.channel_account_id,
      (agent, account) =>
        message.kind === "public"
          ? replyInThread(agent, account, message)
          : sendDirect(agent, account, message),
    );
  } catch (error) {
    const code = error instanceof XRPCError
      ? error.error ?? `http_${error.status}`
      : error instanceof HttpError
      ? error.code
      : "send_failed";
    await asService((tx) =>
      tx`update public.messages set status = 'failed', error_code = ${code},
           error_message = ${(error as Error).message.slice(0, 500)}
         where id = ${messageId} and status = 'pending'`
    );
  }
}

/** Mentions and links become facets with UTF-8 byte offsets (docs/bluesky.md §4). */
async function richText(agent: Agent, text: string) {
  const rich = new RichText({ text });
  await rich.detectFacets(agent);
  return rich;
}

async function replyInThread(agent: Agent, account: BlueskyAccount, message: Outgoing) {
  const parent: MessagePost = messagePostSchema.parse(message.reply_to_post);
  const rich = await richText(agent, message.text);
  const reply = replyRefs(parent);
  const created = await agent.post({
    text: rich.text,
    ...(rich.facets?.length ? { facets: rich.facets } : {}),
    reply,
    createdAt: new Date().toISOString(),
  });
  const post = postReferences(
    created,
    { text: rich.text, facets: rich.facets, reply },
    account.handle,
  );
  await asService((tx) =>
    tx`update public.messages set status = 'sent', external_id = ${created.uri},
         post = ${tx.json(post as never)}, reply_to_external_id = ${parent.uri}
       where id = ${message.id}`
  );
}

async function sendDirect(agent: Agent, account: BlueskyAccount, message: Outgoing) {
  const chat = chatOf(agent);
  const convoId = message.convo_id ??
    (await chat.getConvoForMembers({ members: [message.contact_did] })).data.convo.id;
  const rich = await richText(agent, message.text);
  const { data } = await chat.sendMessage({
    convoId,
    message: { text: rich.text, ...(rich.facets?.length ? { facets: rich.facets } : {}) },
  });
  await asService(async (tx) => {
    // a poll that saw the DM before this answer stored it as a copy: ours is the message
    await tx`delete from public.messages
             where channel_account_id = ${account.id} and external_id = ${data.id}
               and author_kind = 'native_app' and id <> ${message.id}`;
    await tx`update public.messages set status = 'sent', external_id = ${data.id}
             where id = ${message.id}`;
    await tx`update public.conversations set external_conversation_id = ${convoId}
             where id = (select conversation_id from public.messages where id = ${message.id})
               and external_conversation_id is null`;
  });
}
