import { AuthorizationError, canRead, canWrite } from "./authorization.ts";
import {
  type Broadcast,
  encodeBroadcast,
  encodeMessage,
  type InboundMessage,
  isUserBroadcastPush,
} from "./frames.ts";
import { checkToken, type Claims } from "./tokens.ts";
import type { ConnectionLike } from "./context.ts";
import { type JoinConfig, JoinError, joinTokenReason, postgresChangesWithIds } from "./join.ts";
import { type Subscriber, Topics } from "./topics.ts";

/** Realtime re-checks a channel's token this often, or at its expiry if sooner. */
const CONFIRM_TOKEN_MS = 5 * 60_000;

/**
 * One joined channel of a socket, as supabase/realtime RealtimeChannel runs one: the token is
 * confirmed at join and again before it expires, a private channel is authorised against the
 * policies on realtime.messages (read at join, write at the first broadcast), and a failure later
 * on ends the channel with a `system` error message and `phx_close`.
 */
export class Channel implements Subscriber {
  readonly subTopic: string;
  readonly topicKey: string;
  #token: string;
  #claims!: Claims;
  #canWrite: boolean | undefined;
  #confirmTimer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(
    readonly connection: ConnectionLike,
    readonly topic: string,
    readonly joinRef: string | null,
    readonly config: JoinConfig,
    accessToken: unknown,
  ) {
    this.subTopic = topic.slice("realtime:".length);
    this.topicKey = Topics.key(this.subTopic, config.isPrivate);
    // an API key of the new kind (sb_...) is not a JWT: the socket's token stands in for it
    this.#token = typeof accessToken === "string" && !accessToken.startsWith("sb_")
      ? accessToken
      : connection.token;
  }

  /** Checks the token and the read policy; subscribes on success. Throws JoinError. */
  async join(): Promise<Record<string, unknown>> {
    if (this.subTopic === "") {
      throw new JoinError("TopicNameRequired: You must provide a topic name");
    }
    const token = await checkToken(this.#token, this.connection.context.keys);
    if (!token.ok) throw new JoinError(joinTokenReason(token.reason, token.message));
    this.#claims = token.claims;
    if (this.config.isPrivate) await this.#authoriseRead(JoinError);
    this.#scheduleConfirm();
    this.connection.context.topics.subscribe(this.topicKey, this);
    return { postgres_changes: postgresChangesWithIds(this.config.postgresChanges) };
  }

  /** What Realtime pushes right after a successful join. */
  afterJoin() {
    if (this.config.postgresChanges.length) {
      this.#system(
        "postgres_changes",
        "error",
        "The local platform does not deliver Postgres Changes; use Broadcast from the database " +
          "(docs/local-platform.md §3)",
      );
    }
    if (this.config.replicationReady && this.connection.context.replicationReady()) {
      this.#system("system", "ok", "Replication connection established");
    }
    if (this.config.presence) this.#push("presence_state", {});
  }

  async handle(message: InboundMessage) {
    switch (message.event) {
      case "broadcast":
        return await this.#broadcast(message);
      case "access_token":
        return await this.#accessToken(
          (message.payload as { access_token?: unknown } | null)
            ?.access_token,
        );
      case "presence":
        return this.#reply(message, "error", {
          reason: "Presence is not imitated by the local platform",
        });
      default:
        // Realtime ignores what it does not know (and logs it at info level)
        return;
    }
  }

  deliver(broadcast: Broadcast) {
    let frame;
    try {
      frame = encodeBroadcast(this.connection.vsn, this.topic, broadcast);
    } catch (error) {
      // one subscriber's frame that cannot be written must not stop the others' delivery
      this.connection.context.log(`[realtime] broadcast on ${this.subTopic}: ${error}`);
      return;
    }
    if (frame !== undefined) this.connection.send(frame);
  }

  /** Leaves on the client's request: ok, then phx_close, as Phoenix answers phx_leave. */
  leave(message: InboundMessage) {
    this.#reply(message, "ok", {});
    this.close();
  }

  /** Unsubscribes and tells the client the channel is closed (`notify`: phx_close). */
  close(notify = true) {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#confirmTimer);
    this.connection.context.topics.unsubscribe(this.topicKey, this);
    this.connection.forget(this);
    if (notify) this.#push("phx_close", {}, this.joinRef);
  }

  async #broadcast(message: InboundMessage) {
    const payload = message.payload;
    const broadcast: Broadcast = isUserBroadcastPush(payload)
      ? { kind: "user", event: payload.event, encoding: payload.encoding, body: payload.body }
      : { kind: "json", payload: (payload ?? {}) as Record<string, unknown> };
    if (this.config.isPrivate) {
      try {
        this.#canWrite ??= await canWrite(this.connection.context.sql, this.#context());
      } catch (error) {
        this.connection.context.log(`[realtime] broadcast on ${this.subTopic}: ${error}`);
        return;
      }
      // Realtime neither forwards nor acknowledges a broadcast the policies refuse
      if (!this.#canWrite) return;
    }
    const { topics } = this.connection.context;
    topics.publish(this.topicKey, broadcast, this.config.self ? undefined : this);
    if (this.config.ack) this.#reply(message, "ok", {});
  }

  /** A refreshed token (RealtimeChannel.handle_in("access_token")): checked, policies again. */
  async #accessToken(token: unknown) {
    if (typeof token !== "string" || token.startsWith("sb_") || token === this.#token) return;
    this.#token = token;
    this.#canWrite = undefined;
    const checked = await checkToken(token, this.connection.context.keys);
    if (!checked.ok) return this.#shutdown(checked.message);
    this.#claims = checked.claims;
    if (this.config.isPrivate) {
      try {
        await this.#authoriseRead(Error);
      } catch (error) {
        return this.#shutdown((error as Error).message.replace(/^Unauthorized: /, ""));
      }
    }
    this.#scheduleConfirm();
  }

  async #authoriseRead(failure: new (message: string) => Error) {
    const denied = `You do not have permissions to read from this Channel topic: ${this.subTopic}`;
    let allowed: boolean;
    try {
      allowed = await canRead(this.connection.context.sql, this.#context());
    } catch (error) {
      if (error instanceof AuthorizationError && error.kind === "missing_partition") {
        throw new failure(`MissingPartition: ${error.message}`);
      }
      this.connection.context.log(`[realtime] RlsPolicyError on ${this.subTopic}: ${error}`);
      allowed = false;
    }
    if (!allowed) throw new failure(`Unauthorized: ${denied}`);
  }

  #scheduleConfirm() {
    clearTimeout(this.#confirmTimer);
    const untilExpiry = this.#claims.exp * 1000 - Date.now();
    this.#confirmTimer = setTimeout(
      () => this.#confirmToken(),
      Math.max(0, Math.min(CONFIRM_TOKEN_MS, untilExpiry)),
    );
  }

  async #confirmToken() {
    if (this.#closed) return;
    const checked = await checkToken(this.#token, this.connection.context.keys);
    if (!checked.ok) return this.#shutdown(checked.message);
    this.#claims = checked.claims;
    this.#scheduleConfirm();
  }

  #context() {
    return { topic: this.subTopic, claims: this.#claims, headers: this.connection.headers };
  }

  /** RealtimeChannel.shutdown_response: a `system` error, then the channel stops (phx_close). */
  #shutdown(message: string) {
    if (this.#closed) return;
    this.#system("system", "error", message);
    this.close();
  }

  #system(extension: string, status: "ok" | "error", message: string) {
    this.#push("system", { extension, status, message, channel: this.subTopic });
  }

  #push(event: string, payload: unknown, ref: string | null = null) {
    const frame = { joinRef: this.joinRef, ref, topic: this.topic, event };
    this.connection.send(encodeMessage(this.connection.vsn, frame, payload));
  }

  #reply(message: InboundMessage, status: "ok" | "error", response: unknown) {
    const frame = {
      joinRef: this.joinRef,
      ref: message.ref,
      topic: this.topic,
      event: "phx_reply",
    };
    this.connection.send(encodeMessage(this.connection.vsn, frame, { status, response }));
  }
}
