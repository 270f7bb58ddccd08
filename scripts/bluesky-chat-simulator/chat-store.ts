/**
 * The simulator's state, in memory: direct conversations, their messages and each member's event
 * log (what `chat.bsky.convo.getLog` pages through). Revs and message ids come from one counter,
 * so they sort as strings in the order things happened, as Bluesky's TIDs do.
 */

export type MemberStatus = "request" | "accepted";

export interface StoredMessage {
  id: string;
  rev: string;
  text: string;
  facets?: unknown[];
  sender: string;
  sentAt: string;
}

export interface MemberState {
  status: MemberStatus;
  muted: boolean;
  /** the rev up to which this member has read */
  readRev: string;
}

export interface StoredConvo {
  id: string;
  rev: string;
  members: string[];
  messages: StoredMessage[];
  state: Map<string, MemberState>;
}

export type LogEvent =
  | { $type: "chat.bsky.convo.defs#logBeginConvo"; rev: string; convoId: string }
  | { $type: "chat.bsky.convo.defs#logAcceptConvo"; rev: string; convoId: string }
  | {
    $type: "chat.bsky.convo.defs#logCreateMessage";
    rev: string;
    convoId: string;
    message: StoredMessage;
  };

export class ChatStore {
  readonly convos = new Map<string, StoredConvo>();
  readonly logs = new Map<string, LogEvent[]>();
  #counter = 0;

  /** 16 base-32 digits from a counter seeded by the clock: unique and increasing */
  nextRev(): string {
    this.#counter = Math.max(this.#counter + 1, Date.now() * 1000);
    return this.#counter.toString(32).padStart(16, "2");
  }

  convoFor(members: string[]): StoredConvo | undefined {
    const key = [...members].sort().join(" ");
    return [...this.convos.values()].find((c) => [...c.members].sort().join(" ") === key);
  }

  createConvo(creator: string, members: string[]): StoredConvo {
    const rev = this.nextRev();
    const convo: StoredConvo = {
      id: `convo${rev}`,
      rev,
      members,
      messages: [],
      state: new Map(members.map((did) => [did, {
        // the one who starts a conversation has accepted it; the others get a request
        status: did === creator ? "accepted" : "request",
        muted: false,
        readRev: rev,
      }])),
    };
    this.convos.set(convo.id, convo);
    for (const did of members) {
      this.log(did, { $type: "chat.bsky.convo.defs#logBeginConvo", rev, convoId: convo.id });
    }
    return convo;
  }

  addMessage(
    convo: StoredConvo,
    sender: string,
    input: { text: string; facets?: unknown[] },
  ): StoredMessage {
    const rev = this.nextRev();
    const message: StoredMessage = {
      id: `msg${rev}`,
      rev,
      text: input.text,
      ...(input.facets ? { facets: input.facets } : {}),
      sender,
      sentAt: new Date().toISOString(),
    };
    convo.messages.push(message);
    convo.rev = rev;
    const senderState = convo.state.get(sender)!;
    // answering a request accepts it (Bluesky moves it out of the requests inbox)
    if (senderState.status === "request") this.accept(convo, sender, rev);
    senderState.readRev = rev;
    for (const did of convo.members) {
      this.log(did, {
        $type: "chat.bsky.convo.defs#logCreateMessage",
        rev,
        convoId: convo.id,
        message,
      });
    }
    return message;
  }

  accept(convo: StoredConvo, did: string, rev = this.nextRev()): string {
    convo.state.get(did)!.status = "accepted";
    this.log(did, { $type: "chat.bsky.convo.defs#logAcceptConvo", rev, convoId: convo.id });
    return rev;
  }

  unreadCount(convo: StoredConvo, viewer: string): number {
    const readRev = convo.state.get(viewer)!.readRev;
    return convo.messages.filter((m) => m.sender !== viewer && m.rev > readRev).length;
  }

  convosOf(viewer: string): StoredConvo[] {
    return [...this.convos.values()].filter((c) => c.members.includes(viewer))
      .sort((a, b) => (a.rev < b.rev ? 1 : -1));
  }

  private log(did: string, event: LogEvent) {
    const events = this.logs.get(did) ?? [];
    events.push(event);
    this.logs.set(did, events);
  }
}
