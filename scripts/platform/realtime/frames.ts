/**
 * Phoenix frames as Realtime reads and writes them (docs/local-platform.md §3.2): vsn 1.0.0 is a
 * JSON object per text frame (the server writes only topic, event, payload and ref); vsn 2.0.0 is
 * a JSON array `[join_ref, ref, topic, event, payload]` per text frame, plus the binary "user
 * broadcast push" (kind 3, client to server) and "user broadcast" (kind 4, server to client) of
 * supabase/realtime lib/realtime_web/socket/v2_serializer.ex.
 */
export type Vsn = "1.0.0" | "2.0.0";
export const VSNS: readonly Vsn[] = ["1.0.0", "2.0.0"];

/** A broadcast sent by a vsn 2.0.0 client as a binary kind-3 frame, its payload left as bytes. */
export interface UserBroadcastPush {
  kind: "user_broadcast_push";
  event: string;
  encoding: "json" | "binary";
  body: Uint8Array;
}

export interface InboundMessage {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: unknown;
}

/**
 * What the server fans out: either a JSON map (`{type: "broadcast", event, payload, meta?}`, from
 * vsn 1.0.0 clients and the batch HTTP API) or a user broadcast whose payload stays bytes (from
 * vsn 2.0.0 clients, the single-message HTTP API and the database), as Realtime keeps them.
 */
export type Broadcast =
  | { kind: "json"; payload: Record<string, unknown> }
  | {
    kind: "user";
    event: string;
    encoding: "json" | "binary";
    body: Uint8Array;
    metadata?: Record<string, unknown>;
  };

const USER_BROADCAST_PUSH = 3;
const USER_BROADCAST = 4;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class FrameError extends Error {}

export function decodeFrame(vsn: Vsn, data: string | ArrayBuffer): InboundMessage {
  if (typeof data !== "string") {
    if (vsn !== "2.0.0") throw new FrameError("binary frames need vsn 2.0.0");
    return decodeUserBroadcastPush(new Uint8Array(data));
  }
  const parsed = JSON.parse(data);
  if (vsn === "2.0.0") {
    if (!Array.isArray(parsed) || parsed.length < 5) throw new FrameError("expected V2 array");
    const [joinRef, ref, topic, event, payload] = parsed;
    return message(joinRef, ref, topic, event, payload);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new FrameError("expected a JSON object");
  }
  return message(parsed.join_ref, parsed.ref, parsed.topic, parsed.event, parsed.payload);
}

function message(
  joinRef: unknown,
  ref: unknown,
  topic: unknown,
  event: unknown,
  payload: unknown,
): InboundMessage {
  if (typeof topic !== "string" || typeof event !== "string") {
    throw new FrameError("topic and event must be strings");
  }
  const text = (value: unknown) => value === null || value === undefined ? null : String(value);
  return { joinRef: text(joinRef), ref: text(ref), topic, event, payload };
}

function decodeUserBroadcastPush(bytes: Uint8Array): InboundMessage {
  if (bytes[0] !== USER_BROADCAST_PUSH || bytes.length < 7) {
    throw new FrameError(`unexpected binary frame kind ${bytes[0]}`);
  }
  const sizes = [bytes[1]!, bytes[2]!, bytes[3]!, bytes[4]!, bytes[5]!];
  let offset = 7;
  const [joinRef, ref, topic, event] = sizes.slice(0, 4).map((size) => {
    const text = decoder.decode(bytes.subarray(offset, offset + size));
    offset += size;
    return text;
  }) as [string, string, string, string];
  // the metadata is read and, as Realtime does, not used
  offset += sizes[4]!;
  if (offset > bytes.length) throw new FrameError("truncated user broadcast push");
  const push: UserBroadcastPush = {
    kind: "user_broadcast_push",
    event,
    encoding: bytes[6] === 0 ? "binary" : "json",
    body: bytes.slice(offset),
  };
  return { joinRef: joinRef || null, ref: ref || null, topic, event: "broadcast", payload: push };
}

export function isUserBroadcastPush(payload: unknown): payload is UserBroadcastPush {
  return (payload as UserBroadcastPush | null)?.kind === "user_broadcast_push";
}

/** A reply, a push from a channel or a heartbeat answer, in the socket's vsn. */
export function encodeMessage(
  vsn: Vsn,
  message: { joinRef: string | null; ref: string | null; topic: string; event: string },
  payload: unknown,
): string {
  if (vsn === "2.0.0") {
    return JSON.stringify([message.joinRef, message.ref, message.topic, message.event, payload]);
  }
  return JSON.stringify({ topic: message.topic, event: message.event, payload, ref: message.ref });
}

/**
 * A broadcast on `topic` in the socket's vsn; undefined when that vsn cannot carry it (a binary
 * payload to a vsn 1.0.0 socket, which Realtime drops too: MessageDispatcher.fastlane!/2).
 */
export function encodeBroadcast(
  vsn: Vsn,
  topic: string,
  broadcast: Broadcast,
): string | Uint8Array | undefined {
  const frame = { joinRef: null, ref: null, topic, event: "broadcast" };
  if (broadcast.kind === "json") return encodeMessage(vsn, frame, broadcast.payload);
  if (vsn === "2.0.0") return encodeUserBroadcast(topic, broadcast);
  if (broadcast.encoding === "binary") return undefined;
  return encodeMessage(vsn, frame, {
    event: broadcast.event,
    payload: JSON.parse(decoder.decode(broadcast.body)),
    type: "broadcast",
    ...(broadcast.metadata ? { meta: broadcast.metadata } : {}),
  });
}

function encodeUserBroadcast(topic: string, broadcast: Broadcast & { kind: "user" }) {
  const parts = [
    encoder.encode(topic),
    encoder.encode(broadcast.event),
    broadcast.metadata ? encoder.encode(JSON.stringify(broadcast.metadata)) : new Uint8Array(),
  ];
  for (const part of parts) {
    if (part.length > 255) {
      throw new FrameError("topic, event and metadata are limited to 255 bytes");
    }
  }
  const header = [USER_BROADCAST, ...parts.map((part) => part.length)];
  header.push(broadcast.encoding === "json" ? 1 : 0);
  const frame = new Uint8Array(
    header.length + parts.reduce((sum, part) => sum + part.length, 0) + broadcast.body.length,
  );
  frame.set(header, 0);
  let offset = header.length;
  for (const part of [...parts, broadcast.body]) {
    frame.set(part, offset);
    offset += part.length;
  }
  return frame;
}

/** The JSON text of a value as the bytes of a user broadcast. */
export const jsonBody = (value: unknown) => encoder.encode(JSON.stringify(value));
