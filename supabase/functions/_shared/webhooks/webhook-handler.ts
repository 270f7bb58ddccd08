import { afterResponse } from "../after-response.ts";
import { mayRelease, sendReleasedMessages } from "../automation/released-messages.ts";
import { afterCommentChanges } from "../comments/after-comments.ts";
import { asService } from "../db.ts";
import { handler, HttpError } from "../http.ts";
import { readBodyWithin } from "./bounded-body.ts";
import { hasChanges } from "./comment-payload.ts";
import { fetchContactProfiles } from "./contact-profiles.ts";
import { processDelivery } from "./process-delivery.ts";
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

/**
 * Deliveries processed at once by this instance after their 200s. Processing costs ~20 round
 * trips on the same small pool and the same thread as the ledger insert that the 200 waits for;
 * unbounded, a burst of deliveries slowed every answer to Meta (p99 ~150 ms at 200/s on two
 * cores). Bounded, the ledger absorbs the burst and the answers stay fast; what waits here is
 * already in the ledger, so a restart loses nothing (instagram-process-webhooks finishes it).
 */
const PROCESSING_SLOTS = 4;
let processing = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (processing < PROCESSING_SLOTS) processing++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    // the slot passes straight to the next waiting delivery, or is freed
    const next = waiting.shift();
    if (next) next();
    else processing--;
  }
}

/** An entry id as Meta sends it (a string or a number); anything else is not an id. */
const entryId = (id: unknown) =>
  typeof id === "string" || typeof id === "number" ? storable(String(id)) : "";

/**
 * instagram-webhook (verify_jwt off, Meta calls it):
 * GET answers Meta's subscription check. POST checks `X-Hub-Signature-256` over the raw bytes,
 * stores the delivery in webhook_events before parsing anything, answers 200, then processes it
 * after the answer. A crash after the insert loses nothing: instagram-process-webhooks finishes
 * whatever the ledger holds unprocessed.
 */
export function createWebhookHandler(secrets: () => { verifyToken: string; appSecrets: string[] }) {
  return handler(async (request) => {
    if (request.method === "GET") return verifySubscription(request, secrets().verifyToken);
    if (request.method !== "POST") {
      throw new HttpError(405, "method_not_allowed", "Use GET or POST");
    }

    const raw = await readBodyWithin(request, MAX_BODY_BYTES);
    const signature = request.headers.get("x-hub-signature-256");
    if (!(await verifyMetaSignature(raw, signature, secrets().appSecrets))) {
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
    const [row] = await asService((tx) =>
      tx<{ id: string }[]>`
        insert into public.webhook_events (platform, raw_body, headers, signature_valid, object, entry_ids, status, last_error)
        values ('instagram', ${body}, ${tx.json(headers)}, true, ${
        typeof envelope?.object === "string" ? storable(envelope.object) : null
      },
                ${entryIds}, ${valid ? "received" : "rejected"}, ${
        valid ? null : "body is not a webhook envelope"
      })
        returning id`
    );
    if (!valid) throw new HttpError(400, "invalid_body", "The body is not a Meta webhook envelope");

    const eventId = Number(row!.id);
    afterResponse(
      inTurn(() =>
        processDelivery(eventId).then(async (outcome) => {
          if (outcome.contactIds.length) await fetchContactProfiles(outcome.contactIds);
          return outcome;
        })
      ).then((outcome) => mayRelease(envelope) ? sendReleasedMessages(outcome.contactIds) : null)
        .then(() => hasChanges(envelope) ? afterCommentChanges() : null),
    );
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
