import { Channel } from "./channel.ts";
import { joinConfig, JoinError } from "./join.ts";
import type { ConnectionLike, RealtimeContext } from "./context.ts";
import { decodeFrame, encodeMessage, type InboundMessage, type Vsn } from "./frames.ts";

/**
 * One WebSocket as Phoenix.Socket runs it: frames are handled one after another (so replies keep
 * the order of their refs, a join included), `phoenix` heartbeats are answered, and every other
 * message goes to the channel joined on its topic.
 */
export class Connection implements ConnectionLike {
  readonly #channels = new Map<string, Channel>();
  #queue: Promise<void> = Promise.resolve();

  constructor(
    readonly socket: WebSocket,
    readonly vsn: Vsn,
    readonly token: string,
    readonly headers: Record<string, string>,
    readonly context: RealtimeContext,
  ) {
    socket.binaryType = "arraybuffer";
    socket.onmessage = (event) => {
      this.#queue = this.#queue.then(() => this.#receive(event.data)).catch((error) =>
        context.log(`[realtime] ${error instanceof Error ? error.stack : error}`)
      );
    };
    socket.onclose = () => {
      for (const channel of [...this.#channels.values()]) channel.close(false);
    };
  }

  get channelCount() {
    return this.#channels.size;
  }

  send(frame: string | Uint8Array) {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(frame);
  }

  forget(channel: { topic: string }) {
    if (this.#channels.get(channel.topic) === channel) this.#channels.delete(channel.topic);
  }

  async #receive(data: string | ArrayBuffer) {
    let message: InboundMessage;
    try {
      message = decodeFrame(this.vsn, data);
    } catch (error) {
      // Phoenix closes a socket that sends what its serializer cannot read
      this.context.log(`[realtime] unreadable frame: ${(error as Error).message}`);
      this.socket.close(1003, "unreadable frame");
      return;
    }
    const channel = this.#channels.get(message.topic);
    if (message.topic === "phoenix" && message.event === "heartbeat") {
      return this.#reply(message, "ok", {});
    }
    if (message.event === "phx_join") {
      // a second join of a joined topic replaces the first, which is closed (Phoenix.Socket)
      channel?.close();
      return await this.#join(message);
    }
    if (channel) {
      if (message.event === "phx_leave") return channel.leave(message);
      return await channel.handle(message);
    }
    if (message.event === "phx_leave") return this.#reply(message, "ok", {});
    // the server dropped the channel while the client still used it
    this.#reply(message, "error", { reason: "unmatched topic" });
  }

  async #join(message: InboundMessage) {
    if (!message.topic.startsWith("realtime:")) {
      return this.#reply(message, "error", { reason: "unmatched topic" });
    }
    const payload = message.payload as { access_token?: unknown; user_token?: unknown } | null;
    const channel = new Channel(
      this,
      message.topic,
      message.joinRef,
      joinConfig(payload),
      payload?.access_token ?? payload?.user_token,
    );
    try {
      const response = await channel.join();
      // the socket may have gone while the policies were checked: nothing to keep then
      if (this.socket.readyState !== WebSocket.OPEN) return channel.close(false);
      this.#channels.set(message.topic, channel);
      this.#reply(message, "ok", response);
      channel.afterJoin();
    } catch (error) {
      if (!(error instanceof JoinError)) {
        this.context.log(`[realtime] join ${message.topic}: ${error}`);
      }
      const reason = error instanceof JoinError ? error.message : "Unknown Error on Channel";
      this.#reply(message, "error", { reason });
    }
  }

  #reply(message: InboundMessage, status: "ok" | "error", response: unknown) {
    const frame = { ...message, event: "phx_reply" };
    this.send(encodeMessage(this.vsn, frame, { status, response }));
  }
}
