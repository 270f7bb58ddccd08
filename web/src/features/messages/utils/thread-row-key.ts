import type { ThreadEntry } from "@/features/messages/utils/inbox-cache.ts";

/**
 * A thread row's key (React's and the virtualised list's measured height). A reply keeps its key
 * from "Sending…" to sent: the client's id, which the server's row carries too. Prefixed, since a
 * server-written reply's client id may be another row's id: the AI's reply uses the message it
 * answers as its key, so that it answers each message once.
 */
export function threadRowKey(message: Pick<ThreadEntry, "id" | "client_message_id">): string {
  return message.client_message_id ? `client:${message.client_message_id}` : `row:${message.id}`;
}
