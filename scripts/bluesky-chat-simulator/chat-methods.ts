/**
 * The `chat.bsky.convo.*` methods the simulator answers, for the caller the PDS vouched for.
 * Inputs arrive already checked against the lexicons; outputs are checked by the server. Choices
 * where the lexicons say nothing are listed in README.md.
 */
import type { ChatStore, StoredConvo, StoredMessage } from "./chat-store.ts";
import type { Identity } from "./service-auth.ts";

export class ChatError extends Error {
  constructor(readonly error: string, message: string, readonly status = 400) {
    super(message);
  }
}

// deno-lint-ignore no-explicit-any
type Params = Record<string, any>;
type Method = (caller: string, params: Params, input: Params) => Promise<unknown>;

const PAGE_DEFAULT = 50;
const LOG_PAGE = 100;

export function chatMethods(store: ChatStore, identity: Identity): Record<string, Method> {
  const profile = async (did: string) => ({
    did,
    handle: await identity.handle(did),
  });

  const messageView = (message: StoredMessage) => ({
    $type: "chat.bsky.convo.defs#messageView",
    id: message.id,
    rev: message.rev,
    text: message.text,
    ...(message.facets ? { facets: message.facets } : {}),
    sender: { did: message.sender },
    sentAt: message.sentAt,
  });

  const convoView = async (convo: StoredConvo, viewer: string) => {
    const last = convo.messages.at(-1);
    const state = convo.state.get(viewer)!;
    return {
      id: convo.id,
      rev: convo.rev,
      members: await Promise.all(convo.members.map(profile)),
      ...(last ? { lastMessage: messageView(last) } : {}),
      muted: state.muted,
      status: state.status,
      unreadCount: store.unreadCount(convo, viewer),
    };
  };

  const memberConvo = (caller: string, convoId: string) => {
    const convo = store.convos.get(convoId);
    if (!convo || !convo.members.includes(caller)) {
      throw new ChatError("InvalidConvo", "Convo not found");
    }
    return convo;
  };

  return {
    async "chat.bsky.convo.getConvoForMembers"(caller, params) {
      const members = [...new Set<string>([caller, ...params.members])];
      if (members.length < 2) {
        throw new ChatError("InvalidRequest", "A conversation needs someone besides you");
      }
      for (const did of members) {
        if (!(await identity.exists(did))) {
          throw new ChatError("RecipientNotFound", `No account for ${did}`);
        }
      }
      const convo = store.convoFor(members) ?? store.createConvo(caller, members);
      return { convo: await convoView(convo, caller) };
    },

    async "chat.bsky.convo.getConvo"(caller, params) {
      return { convo: await convoView(memberConvo(caller, params.convoId), caller) };
    },

    async "chat.bsky.convo.listConvos"(caller, params) {
      const limit = params.limit ?? PAGE_DEFAULT;
      const convos = store.convosOf(caller)
        .filter((c) => !params.cursor || c.rev < params.cursor)
        .filter((c) => !params.status || c.state.get(caller)!.status === params.status)
        .filter((c) => params.readState !== "unread" || store.unreadCount(c, caller) > 0);
      const page = convos.slice(0, limit);
      return {
        convos: await Promise.all(page.map((c) => convoView(c, caller))),
        ...(convos.length > limit ? { cursor: page.at(-1)!.rev } : {}),
      };
    },

    // newest first, as the Bluesky app pages a thread upward
    // deno-lint-ignore require-await
    async "chat.bsky.convo.getMessages"(caller, params) {
      const convo = memberConvo(caller, params.convoId);
      const limit = params.limit ?? PAGE_DEFAULT;
      const older = [...convo.messages].reverse()
        .filter((m) => !params.cursor || m.rev < params.cursor);
      const page = older.slice(0, limit);
      return {
        messages: page.map(messageView),
        ...(older.length > limit ? { cursor: page.at(-1)!.rev } : {}),
      };
    },

    // deno-lint-ignore require-await
    async "chat.bsky.convo.sendMessage"(caller, _params, input) {
      const convo = memberConvo(caller, input.convoId);
      return messageView(store.addMessage(convo, caller, input.message));
    },

    async "chat.bsky.convo.updateRead"(caller, _params, input) {
      const convo = memberConvo(caller, input.convoId);
      const upTo = input.messageId
        ? convo.messages.find((m) => m.id === input.messageId)
        : convo.messages.at(-1);
      if (input.messageId && !upTo) throw new ChatError("InvalidRequest", "Message not found");
      if (upTo) convo.state.get(caller)!.readRev = upTo.rev;
      return { convo: await convoView(convo, caller) };
    },

    // deno-lint-ignore require-await
    async "chat.bsky.convo.acceptConvo"(caller, _params, input) {
      const convo = memberConvo(caller, input.convoId);
      if (convo.state.get(caller)!.status === "accepted") return {};
      return { rev: store.accept(convo, caller) };
    },

    // oldest first after the cursor; without one, from the start of the member's log
    // deno-lint-ignore require-await
    async "chat.bsky.convo.getLog"(caller, params) {
      const events = (store.logs.get(caller) ?? [])
        .filter((e) => !params.cursor || e.rev > params.cursor)
        .slice(0, LOG_PAGE);
      const logs = events.map((event) =>
        event.$type === "chat.bsky.convo.defs#logCreateMessage"
          ? { ...event, message: messageView(event.message) }
          : event
      );
      const cursor = events.at(-1)?.rev ?? params.cursor;
      return { logs, ...(cursor ? { cursor } : {}) };
    },
  };
}
