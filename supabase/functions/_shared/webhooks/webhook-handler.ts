import { afterResponse } from "../after-response.ts";
import { afterCommentChanges } from "../comments/after-comments.ts";
import { handler, HttpError } from "../http.ts";
import { readBodyWithin } from "./bounded-body.ts";
import { hasChanges } from "./comment-payload.ts";
import { storeDelivery } from "./ledger-writer.ts";
import { answerPause, processSoon } from "./processing-queue.ts";
import { keptHeaders, recordRejection, rejectionRecord } from "./rejections.ts";
import { verifyMetaSignature } from "./signature.ts";

// Meta batches up to 1000 updates in one delivery; far more than that is not Meta.
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Postgres text cannot hold U+0000: an insert carrying one fails, which was a 500 for anyone who
 * sent a NUL byte. No JSON document holds a raw NUL, so only bodies rejected anyway change; an
 * escaped NUL in an entry id or `object` is replaced the same way.
 */
const storable = (text: string) => text.replaceAll("\u0000", "\uFFFD");

/** An entry id as Meta sends it (a string or a number); anything else is not an id. */
const entryId = (id: unknown) =>
  typeof id === "string" || typeof id === "number" ? storable(String(id)) : "";

/**
 * instagram-webhook (verify_jwt off, Meta calls it):
 * GET answers Meta's subscription check. POST checks `X-Hub-Signature-256` over the raw bytes,
 * stores the delivery in webhook_events before parsing anything, answers 200 (a little later while
 * processing is behind: delivery-pace.ts), then processes it after the answer, in a batch with the
 * deliveries beside it (processing-queue.ts). A crash after the insert loses nothing:
 * instagram-process-webhooks finishes whatever the ledger holds unprocessed.
 */
export function createWebhookHandler(secrets: () => { verifyToken: string; appSecrets: string[] }) {
  return handler(async (request) => {
    if (request.method === "GET") return verifySubscription(request, secrets().verifyToken);
    if (request.method !== "POST") {
      throw new HttpError(405, "method_not_allowed", "Use GET or POST");
    }

    const raw = await readBodyWithin(request, MAX_BODY_BYTES);
    const signature = request.headers.get("x-hub-signature-256");
    if (!verifyMetaSignature(raw, signature, secrets().appSecrets)) {
      // anyone can send this: a small, rate-limited record, never the body (rejections.ts)
      await recordRejection(
        await rejectionRecord(
          request,
          raw,
          signature === null
            ? "missing X-Hub-Signature-256"
            : "X-Hub-Signature-256 does not match the body",
        ),
      );
      throw new HttpError(401, "invalid_signature", "Missing or invalid X-Hub-Signature-256");
    }
    const headers = keptHeaders(request);

    const body = storable(new TextDecoder("utf-8", { fatal: false }).decode(raw));
    let envelope: { object?: unknown; entry?: { id?: unknown }[] } | null = null;
    try {
      envelope = JSON.parse(body);
    } catch {
      envelope = null;
    }
    const entryIds = Array.isArray(envelope?.entry)
      ? envelope.entry.map((e) => entryId(e?.id))
      : [];
    const valid = envelope !== null && typeof envelope === "object" &&
      Array.isArray(envelope.entry);
    const eventId = await storeDelivery({
      rawBody: body,
      headers,
      object: typeof envelope?.object === "string" ? storable(envelope.object) : null,
      entryIds,
      envelope: valid,
    });
    if (!valid) throw new HttpError(400, "invalid_body", "The body is not a Meta webhook envelope");

    // comments call Meta after they are stored (keyword rules' private replies, post details)
    afterResponse(
      processSoon(eventId, body).then(() => hasChanges(envelope) ? afterCommentChanges() : null),
    );
    // while processing is behind, a slower answer slows Meta's next delivery (delivery-pace.ts)
    const pause = answerPause();
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    return new Response("EVENT_RECEIVED", {
      status: 200,
      headers: { "content-type": "text/plain" },
    });
  });
}

/** Meta's check when the callback is registered: echo hub.challenge if the verify token matches. */
function verifySubscription(request: Request, verifyToken: string): Response {
  const params = new URL(request.url).searchParams;
  const challenge = params.get("hub.challenge");
  if (
    params.get("hub.mode") === "subscribe" && params.get("hub.verify_token") === verifyToken &&
    challenge
  ) {
    return new Response(challenge, { status: 200, headers: { "content-type": "text/plain" } });
  }
  return new Response("Forbidden", { status: 403 });
}
