import { z } from "zod";
import { canWrite } from "./authorization.ts";
import type { RealtimeContext } from "./context.ts";
import { type Broadcast, jsonBody } from "./frames.ts";
import { checkToken } from "./tokens.ts";
import { Topics } from "./topics.ts";

/** Realtime's BatchBroadcast changeset: topic, event and a map payload are required. */
const batchBody = z.object({
  messages: z.array(z.object({
    topic: z.string().min(1),
    event: z.string().min(1),
    payload: z.record(z.string(), z.unknown()),
    private: z.boolean().optional(),
    id: z.string().optional(),
  })).min(1),
});

const json = (body: unknown, status: number) => Response.json(body, { status });
const accepted = () => new Response(null, { status: 202 });
const unauthorized = () => json({ message: "Unauthorized" }, 401);

/**
 * `POST /realtime/v1/api/broadcast` (the batch API `send()` falls back to before a join) and
 * `POST /realtime/v1/api/broadcast/<topic>/events/<event>[?private=true]` (`httpSend`), as
 * supabase/realtime BroadcastController and BroadcastSingleController answer them: 202 when
 * accepted, a private message only if the caller's token passes the insert policies on
 * realtime.messages for its topic.
 */
export async function broadcastApi(
  context: RealtimeContext,
  request: Request,
  path: string,
): Promise<Response> {
  const single = /^\/api\/broadcast\/([^/]+)\/events\/([^/]+)$/.exec(path);
  if (request.method !== "POST" || (path !== "/api/broadcast" && !single)) {
    return json({ message: "not found" }, 404);
  }
  const contentType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (
    single && contentType && !["application/json", "application/octet-stream"].includes(contentType)
  ) {
    return json({
      error: "Unsupported Media Type. Use application/json or application/octet-stream",
    }, 415);
  }
  const token = /^bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ??
    request.headers.get("apikey");
  if (!token) return unauthorized();
  const checked = await checkToken(token, context.keys);
  if (!checked.ok) return unauthorized();
  const caller = { claims: checked.claims, headers: xHeaders(request.headers) };
  const allowed = (topic: string) =>
    canWrite(context.sql, { topic, ...caller }).catch((error) => {
      context.log(`[realtime] broadcast API on ${topic}: ${error}`);
      return false;
    });

  if (single) {
    const [topic, event] = [decodeURIComponent(single[1]!), decodeURIComponent(single[2]!)];
    const isPrivate = new URL(request.url).searchParams.get("private") === "true";
    let broadcast: Broadcast;
    if (contentType === "application/octet-stream") {
      const body = new Uint8Array(await request.arrayBuffer());
      broadcast = { kind: "user", event, encoding: "binary", body };
    } else {
      const payload = await jsonPayload(request);
      if (payload instanceof Response) return payload;
      broadcast = { kind: "user", event, encoding: "json", body: jsonBody(payload) };
    }
    if (isPrivate && !(await allowed(topic))) return json({ message: "Unauthorized" }, 403);
    context.topics.publish(Topics.key(topic, isPrivate), broadcast);
    return accepted();
  }

  const parsed = batchBody.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return json({ errors: z.flattenError(parsed.error) }, 422);
  const privateTopics = new Map<string, Promise<boolean>>();
  for (const message of parsed.data.messages) {
    const isPrivate = message.private ?? false;
    if (isPrivate) {
      if (!privateTopics.has(message.topic)) {
        privateTopics.set(message.topic, allowed(message.topic));
      }
      // Realtime skips a private message it may not send, and still answers 202
      if (!(await privateTopics.get(message.topic))) continue;
    }
    context.topics.publish(Topics.key(message.topic, isPrivate), {
      kind: "json",
      payload: {
        payload: message.payload,
        event: message.event,
        type: "broadcast",
        ...(message.id ? { meta: { id: message.id } } : {}),
      },
    });
  }
  return accepted();
}

/** Phoenix's JSON body parser: empty is `{}`, anything but an object comes as `{_json: value}`. */
async function jsonPayload(request: Request): Promise<unknown | Response> {
  const text = await request.text();
  if (text.trim() === "") return {};
  try {
    const value = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? value
      : { _json: value };
  } catch {
    return json({ message: "malformed JSON body" }, 400);
  }
}

/** The `x-` headers of a request: what Realtime passes to policies as request.headers. */
export function xHeaders(headers: Headers): Record<string, string> {
  const picked: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name.startsWith("x-")) picked[name] = value;
  });
  return picked;
}
