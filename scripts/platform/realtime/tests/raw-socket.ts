/**
 * A bare Phoenix socket for protocol tests: frames written and read exactly as they go over the
 * wire, with no client library smoothing anything over.
 */
import { platformEnv } from "../../../testing/platform-env.ts";
import type { Vsn } from "../frames.ts";

export interface Frame {
  joinRef?: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: Record<string, unknown>;
  /** the decoded JSON as it came: an array (vsn 2.0.0) or an object (vsn 1.0.0) */
  raw: unknown;
}

export function socketUrl(vsn: Vsn, apikey = platformEnv().anonKey) {
  const base = platformEnv().url.replace(/^http/, "ws");
  return `${base}/realtime/v1/websocket?apikey=${encodeURIComponent(apikey)}&vsn=${vsn}`;
}

export class RawSocket {
  readonly frames: Frame[] = [];
  #waiters: (() => void)[] = [];

  private constructor(readonly vsn: Vsn, readonly socket: WebSocket) {
    socket.onmessage = (event) => {
      const raw = JSON.parse(event.data);
      const frame = Array.isArray(raw)
        ? { joinRef: raw[0], ref: raw[1], topic: raw[2], event: raw[3], payload: raw[4], raw }
        : { ...raw, raw };
      this.frames.push(frame);
      for (const wake of this.#waiters.splice(0)) wake();
    };
  }

  static open(vsn: Vsn): Promise<RawSocket> {
    const socket = new WebSocket(socketUrl(vsn));
    return new Promise((resolve, reject) => {
      socket.onopen = () => resolve(new RawSocket(vsn, socket));
      socket.onerror = (event) => reject(new Error((event as ErrorEvent).message));
    });
  }

  send(joinRef: string | null, ref: string | null, topic: string, event: string, payload = {}) {
    this.socket.send(JSON.stringify(
      this.vsn === "2.0.0"
        ? [joinRef, ref, topic, event, payload]
        : { join_ref: joinRef, ref, topic, event, payload },
    ));
  }

  /** The first frame (from `from` on) that matches, waiting up to `timeoutMs` for it. */
  async next(match: (frame: Frame) => boolean, timeoutMs = 3000, from = 0): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(`no matching frame; got ${JSON.stringify(this.frames.map((f) => f.raw))}`);
      }
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  close() {
    this.socket.close();
  }
}
