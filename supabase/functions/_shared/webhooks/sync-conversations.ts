import { z } from "zod";
import { asService } from "../db.ts";
import { graphFetch } from "../meta/graph-client.ts";
import { metaConfig } from "../meta/meta-config.ts";
import { waitForGraphCall } from "../meta/rate-governor.ts";
import { tokenCipher } from "../token-cipher.ts";
import { applyMessagingEvent } from "./apply-event.ts";
import type { RoutedAccount } from "./conversation-upsert.ts";
import type { MessagingEvent } from "./payload.ts";

const MAX_CONVERSATION_PAGES = 10;
const MAX_MESSAGE_PAGES = 2;

const conversationsPage = z.object({
  data: z.array(z.object({
    id: z.string(),
    participants: z.object({
      data: z.array(z.object({ id: z.string(), username: z.string().optional() })),
    })
      .optional(),
  })),
  paging: z.object({ next: z.string().optional() }).optional(),
});

const graphMessage = z.object({
  id: z.string(),
  created_time: z.string(),
  from: z.object({ id: z.string(), username: z.string().optional() }),
  to: z.object({ data: z.array(z.object({ id: z.string() })) }).optional(),
  message: z.string().optional(),
  attachments: z.object({ data: z.array(z.record(z.string(), z.unknown())) }).optional(),
  is_unsupported: z.boolean().optional(),
});
const messagesPage = z.object({
  messages: z.object({
    data: z.array(graphMessage),
    paging: z.object({ next: z.string().optional() }).optional(),
  }).optional(),
});

/**
 * Reconciliation (Conversations API, docs/meta-platform.md §4): pages the account's conversations
 * and their recent messages and stores what webhooks missed, through the same idempotent path as
 * webhooks, so running it again (or racing a webhook) adds nothing. Meta only details the most
 * recent messages of a thread, so history is best-effort. The rate governor keeps the calls within
 * the Conversations API's 2 calls/s per account (docs/meta-platform.md §2 "Rate limits").
 */
export async function syncConversations(accountId: string) {
  const [account] = await asService((tx) =>
    tx<
      (RoutedAccount & {
        auth_path: string;
        facebook_page_id: string | null;
        access_token_encrypted: string | null;
      })[]
    >`
      select id, imo_id, external_account_id, external_ids, auth_path, facebook_page_id, access_token_encrypted
      from public.channel_accounts where id = ${accountId} and platform = 'instagram' and status = 'connected'`
  );
  if (!account?.access_token_encrypted) {
    return { conversations: 0, messages: 0, skipped: "account not connected" };
  }
  const config = metaConfig();
  const token = await (await tokenCipher()).decrypt(account.access_token_encrypted);
  const instagramLogin = account.auth_path === "instagram_login";
  const graph = instagramLogin ? config.instagramGraph : config.facebookGraph;
  const listUrl = new URL(
    instagramLogin
      ? `${graph}/me/conversations`
      : `${graph}/${account.external_ids[0] ?? ""}/conversations`,
  );
  if (!instagramLogin) {
    const [page] = await asService((tx) =>
      tx`select facebook_page_id from public.channel_accounts where id = ${accountId}`
    );
    listUrl.pathname = listUrl.pathname.replace(
      /\/[^/]*\/conversations$/,
      `/${page?.facebook_page_id}/conversations`,
    );
  }
  listUrl.searchParams.set("platform", "instagram");
  listUrl.searchParams.set("fields", "participants");
  listUrl.searchParams.set("limit", "50");

  // every call waits its turn with the governor, shared with every other caller of this account
  const call = async (url: string | URL) => {
    await waitForGraphCall(account.id, "conversations");
    return await graphFetch(url, { token });
  };
  const ours = new Set([account.external_account_id, ...account.external_ids]);
  let conversations = 0;
  let messages = 0;
  let next: string | undefined = listUrl.href;
  for (let page = 0; next && page < MAX_CONVERSATION_PAGES; page++) {
    const body = conversationsPage.parse(await call(next));
    for (const conversation of body.data) {
      conversations++;
      let messagesUrl: string | undefined = `${graph}/${conversation.id}?fields=${
        encodeURIComponent("messages{id,created_time,from,to,message,attachments,is_unsupported}")
      }`;
      for (let messagePage = 0; messagesUrl && messagePage < MAX_MESSAGE_PAGES; messagePage++) {
        const detail = messagesPage.parse(await call(messagesUrl));
        for (const message of detail.messages?.data ?? []) {
          const event = toMessagingEvent(message, ours);
          if (!event) continue;
          await asService((tx) => applyMessagingEvent(tx, account, event, null));
          messages++;
        }
        messagesUrl = detail.messages?.paging?.next;
      }
    }
    next = body.paging?.next;
  }
  return { conversations, messages };
}

/** A Conversations API message as the webhook event Meta would have sent for it. */
function toMessagingEvent(
  message: z.infer<typeof graphMessage>,
  ours: Set<string>,
): MessagingEvent | null {
  const fromUs = ours.has(message.from.id);
  const other = fromUs ? message.to?.data.find((p) => !ours.has(p.id))?.id : message.from.id;
  if (!other) return null;
  const ourId = fromUs
    ? message.from.id
    : message.to?.data.find((p) => ours.has(p.id))?.id ?? [...ours][0]!;
  const attachments = (message.attachments?.data ?? []).flatMap((item) => {
    const data = (key: string) => item[key] as { url?: string } | undefined;
    if (data("image_data")) return [{ type: "image", payload: { url: data("image_data")!.url } }];
    if (data("video_data")) return [{ type: "video", payload: { url: data("video_data")!.url } }];
    if (typeof item.file_url === "string") {
      return [{ type: "file", payload: { url: item.file_url } }];
    }
    return [];
  });
  return {
    sender: { id: fromUs ? ourId : other },
    recipient: { id: fromUs ? other : ourId },
    timestamp: Date.parse(message.created_time.replace(/\+0000$/, "Z")),
    message: {
      mid: message.id,
      ...(message.message ? { text: message.message } : {}),
      ...(attachments.length ? { attachments } : {}),
      ...(message.is_unsupported ? { is_unsupported: true } : {}),
      ...(fromUs ? { is_echo: true } : {}),
    },
  };
}
