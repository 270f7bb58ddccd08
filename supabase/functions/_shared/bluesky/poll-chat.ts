import type { Agent, ChatBskyConvoDefs } from "@atproto/api";
import { asService } from "../db.ts";
import type { BlueskyAccount } from "./account-agent.ts";
import { blueskyChatProxy } from "./bluesky-config.ts";
import { type BlueskyProfile, conversationWith } from "./bluesky-contacts.ts";

type MessageView = ChatBskyConvoDefs.MessageView;
type ConvoView = ChatBskyConvoDefs.ConvoView;

const BACKFILL_CONVOS = 20;
const BACKFILL_MESSAGES = 30;
const MAX_LOG_PAGES = 10;

/** The chat methods of the account, through its PDS to the chat service (docs/bluesky.md §5). */
export function chatOf(agent: Agent) {
  return agent.withProxy("bsky_chat", blueskyChatProxy().did).chat.bsky.convo;
}

/**
 * New DMs (docs/bluesky.md §5). The first run reads the newest conversations and their latest
 * messages and keeps the newest `rev` as the cursor; later runs read `getLog` after the cursor.
 * Each message is stored once by its id; ours (sent from the Bluesky app, or by DM Desk before its
 * id was recorded) are outbound. Group conversations are left out: a conversation has one contact.
 */
export async function pollChat(agent: Agent, account: BlueskyAccount): Promise<number> {
  const chat = chatOf(agent);
  const convos = new Map<string, ConvoView>();
  const convoOf = async (convoId: string) => {
    if (!convos.has(convoId)) convos.set(convoId, (await chat.getConvo({ convoId })).data.convo);
    return convos.get(convoId)!;
  };
  let stored = 0;
  let cursor = account.chat_cursor ?? undefined;

  if (!cursor) {
    const { data } = await chat.listConvos({ limit: BACKFILL_CONVOS });
    for (const convo of [...data.convos].reverse()) {
      const { data: page } = await chat.getMessages({
        convoId: convo.id,
        limit: BACKFILL_MESSAGES,
      });
      for (const message of [...page.messages].reverse()) {
        if (isMessageView(message) && await storeDirectMessage(account, convo, message)) stored++;
      }
      if (!cursor || convo.rev > cursor) cursor = convo.rev;
    }
  } else {
    for (let page = 0; page < MAX_LOG_PAGES; page++) {
      const { data } = await chat.getLog({ cursor });
      for (const log of data.logs) {
        if (log.$type !== "chat.bsky.convo.defs#logCreateMessage") continue;
        const created = log as ChatBskyConvoDefs.LogCreateMessage;
        if (!isMessageView(created.message)) continue;
        const convo = await convoOf(created.convoId);
        if (await storeDirectMessage(account, convo, created.message)) stored++;
      }
      if (!data.logs.length || !data.cursor || data.cursor === cursor) break;
      cursor = data.cursor;
    }
  }
  if (cursor && cursor !== account.chat_cursor) {
    await asService((tx) =>
      tx`update public.channel_accounts set chat_cursor = ${cursor}
         where id = ${account.id} and chat_cursor is not distinct from ${account.chat_cursor}`
    );
  }
  return stored;
}

function isMessageView(message: { $type?: string }): message is MessageView {
  return message.$type === "chat.bsky.convo.defs#messageView";
}

/** One DM as a message of the direct conversation with the other member; false if known. */
async function storeDirectMessage(account: BlueskyAccount, convo: ConvoView, message: MessageView) {
  const others = convo.members.filter((member) => member.did !== account.did);
  if (others.length !== 1) return false;
  const contact: BlueskyProfile = others[0]!;
  const outbound = message.sender.did === account.did;
  return await asService(async (tx) => {
    const [known] = await tx`
      select 1 from public.messages
      where channel_account_id = ${account.id} and external_id = ${message.id}`;
    if (known) return false;
    const { conversationId } = await conversationWith(tx, account, contact, "direct");
    await tx`update public.conversations set external_conversation_id = ${convo.id}
             where id = ${conversationId} and external_conversation_id is null`;
    if (outbound) {
      // our own send, seen before its id was recorded: the same message, not a second one
      const [adopted] = await tx`
        update public.messages set external_id = ${message.id}, status = 'sent'
        where id = (select id from public.messages
          where conversation_id = ${conversationId} and direction = 'outbound'
            and external_id is null and text = ${message.text} and status in ('pending', 'sent')
          order by created_at limit 1)
        returning id`;
      if (adopted) return false;
    }
    const [inserted] = await tx`
      insert into public.messages (imo_id, channel_account_id, conversation_id, external_id,
        direction, author_kind, type, text, status, sent_at)
      values (${account.imo_id}, ${account.id}, ${conversationId}, ${message.id},
        ${outbound ? "outbound" : "inbound"}, ${outbound ? "native_app" : "contact"}, 'text',
        ${message.text || null}, 'sent', ${message.sentAt})
      on conflict (channel_account_id, external_id) do nothing
      returning id`;
    return Boolean(inserted);
  });
}
