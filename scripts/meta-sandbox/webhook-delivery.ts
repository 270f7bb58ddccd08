/**
 * Delivering webhooks: sign, POST, retry, log — and the two webhook faults (duplicate and
 * out-of-order delivery), which Meta documents as things receivers must handle (§3 "Deduplication",
 * "Ordering").
 */
import type { BackgroundTasks } from "./background-tasks.ts";
import { takeFault } from "./faults.ts";
import type { DeliveryRecord, InstagramAccount, SandboxState } from "./sandbox-state.ts";
import { signatureHeaders } from "./webhook-signature.ts";

export interface WebhookSettings {
  /** Waits before each retry. Meta retries "immediately, then a few more times" (§3); keep short in tests. */
  retryDelaysMs: number[];
  /** Give up on one attempt after this long (Messenger FAQ: a webhook call times out after 20 s, §3). */
  timeoutMs: number;
  /** An out-of-order delivery waits for the next delivery, or at most this long. */
  outOfOrderHoldMs: number;
}

export type SignWith = "valid" | "wrong" | "none";

/** The `subscribed_fields` names that switch on each kind of event; spellings differ in Meta's docs (§3 ⚠). */
const FIELD_ALIASES: Record<string, string[]> = {
  messages: ["messages"],
  message_echoes: ["messages", "message_echoes"],
  message_reactions: ["message_reactions", "messaging_reactions"],
  messaging_seen: ["messaging_seen", "message_reads"],
  messaging_postbacks: ["messaging_postbacks"],
  messaging_referral: ["messaging_referral", "messaging_referrals"],
  comments: ["comments"],
};

/**
 * Fields a Facebook Login account gets from the app's Instagram subscription, not from its Page's
 * fields: they flow once the Page is subscribed to any field (§9 "Webhook").
 */
const APP_LEVEL_FIELDS = new Set(["comments"]);

export interface DeliverInput {
  igAccountId: string;
  payload: unknown;
  /** The webhook field the event belongs to; null skips the subscription check (raw batches). */
  field: string | null;
  signWith?: SignWith;
  note?: string;
}

const MAX_LOG = 500;

export class WebhookDispatcher {
  /** held-back deliveries by account: the next delivery for the same account releases them */
  #parked = new Map<string, (() => Promise<void>)[]>();

  constructor(
    private readonly state: SandboxState,
    private readonly settings: WebhookSettings,
    private readonly background: BackgroundTasks,
  ) {}

  async deliver(input: DeliverInput): Promise<DeliveryRecord> {
    const { state } = this;
    const account = state.accounts.get(input.igAccountId);
    // JSON.stringify writes non-ASCII as real characters, so the body goes out as UTF-8 bytes (§3).
    const body = JSON.stringify(input.payload);
    const record = this.#record(input.igAccountId, body, input.note);
    if (
      input.field !== null && account && !isSubscribed(state, account, input.field ?? "messages")
    ) {
      record.status = "not_subscribed";
      record.note = `account has not subscribed to ${input.field} (subscribed_apps, §1A/§1B)`;
      return record;
    }
    if (!state.webhookUrl) {
      record.status = "no_target";
      return record;
    }
    const bytes = new TextEncoder().encode(body);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "facebookexternalua",
    };
    const signWith = input.signWith ?? "valid";
    if (signWith !== "none") {
      const secret = signWith === "valid"
        ? signingSecret(state, account)
        : `${signingSecret(state, account)}-wrong`;
      Object.assign(headers, await signatureHeaders(secret, bytes));
    }
    record.signature = headers["x-hub-signature-256"] ?? null;
    record.url = state.webhookUrl;

    const fault = takeFault(state, "webhook", body)?.kind;
    if (fault === "out_of_order") {
      record.status = "deferred";
      record.note = "held back by an out_of_order fault: sent after the next delivery";
      const held = this.#parked.get(input.igAccountId) ?? [];
      held.push(() => this.#send(record, state.webhookUrl!, bytes, headers));
      this.#parked.set(input.igAccountId, held);
      this.background.later(
        this.settings.outOfOrderHoldMs,
        () => this.#flushParked(input.igAccountId),
      );
      return record;
    }
    await this.#send(record, state.webhookUrl, bytes, headers);
    if (fault === "duplicate_delivery") {
      const copy = this.#record(input.igAccountId, body, `duplicate of delivery ${record.id}`);
      copy.signature = record.signature;
      copy.url = state.webhookUrl;
      await this.#send(copy, state.webhookUrl, bytes, headers);
    }
    await this.#flushParked(input.igAccountId);
    return record;
  }

  #record(igAccountId: string, body: string, note?: string): DeliveryRecord {
    const record: DeliveryRecord = {
      id: this.state.nextId++,
      at: Date.now(),
      url: this.state.webhookUrl,
      igAccountId,
      body,
      signature: null,
      status: "pending",
      attempts: 0,
      ok: false,
      ...(note ? { note } : {}),
    };
    this.state.deliveries.push(record);
    if (this.state.deliveries.length > MAX_LOG) this.state.deliveries.shift();
    return record;
  }

  async #flushParked(igAccountId: string) {
    const parked = this.#parked.get(igAccountId) ?? [];
    this.#parked.delete(igAccountId);
    for (const send of parked) await send();
  }

  /** One delivery with retries on a non-2xx answer or a network error (§3 "retry immediately, then..."). */
  async #send(
    record: DeliveryRecord,
    url: string,
    bytes: Uint8Array,
    headers: Record<string, string>,
  ) {
    const delays = [0, ...this.settings.retryDelaysMs];
    for (const delay of delays) {
      if (delay > 0) await this.background.sleep(delay);
      if (this.background.stopped) break;
      record.attempts++;
      try {
        const response = await fetch(url, {
          method: "POST",
          headers,
          body: bytes as Uint8Array<ArrayBuffer>,
          signal: AbortSignal.any([
            AbortSignal.timeout(this.settings.timeoutMs),
            this.background.signal,
          ]),
        });
        await response.body?.cancel();
        record.status = response.status;
        record.ok = response.ok;
        delete record.error;
        if (response.ok) return;
      } catch (error) {
        record.status = "network_error";
        record.ok = false;
        record.error = error instanceof Error ? error.message : String(error);
      }
    }
  }
}

function subscribedFieldsOf(state: SandboxState, account: InstagramAccount): string[] {
  if (account.loginPath === "facebook_login") {
    return account.pageId ? state.pages.get(account.pageId)?.subscribedFields ?? [] : [];
  }
  return account.subscribedFields;
}

function isSubscribed(state: SandboxState, account: InstagramAccount, field: string) {
  const subscribed = subscribedFieldsOf(state, account);
  if (account.loginPath === "facebook_login" && APP_LEVEL_FIELDS.has(field)) {
    return subscribed.length > 0;
  }
  return (FIELD_ALIASES[field] ?? [field]).some((name) => subscribed.includes(name));
}

/**
 * Instagram-Login accounts: the Instagram app secret (configurable, §3 ⚠ says it is unsettled);
 * Facebook-Login (Page) accounts: the Meta app secret.
 */
export function signingSecret(state: SandboxState, account: InstagramAccount | undefined): string {
  if (account?.loginPath === "facebook_login") return state.metaApp.appSecret;
  return state.instagramApp.webhookSecret === "instagram_app_secret"
    ? state.instagramApp.appSecret
    : state.metaApp.appSecret;
}
