/** Helpers for the sandbox's own tests: a fast sandbox on port 0 and a webhook receiver. */
import { type MetaSandbox, type MetaSandboxOptions, startMetaSandbox } from "./server.ts";
import { verifySignature } from "./webhook-signature.ts";

export const credentials = {
  instagramAppId: "990000000000123",
  instagramAppSecret: "test-instagram-app-secret",
  metaAppId: "880000000000123",
  metaAppSecret: "test-meta-app-secret",
};

/** Deno.serve and fetch bodies outlive single tests in ways the sanitizers misread. */
export const testOptions = { sanitizeOps: false, sanitizeResources: false };

export function startTestSandbox(
  overrides: Partial<MetaSandboxOptions> = {},
): Promise<MetaSandbox> {
  return startMetaSandbox({
    ...credentials,
    port: 0,
    webhookRetryDelaysMs: [10, 20, 40],
    webhookTimeoutMs: 2000,
    echoDelayMs: 5,
    outOfOrderHoldMs: 500,
    faultTimeoutMs: 2000,
    ...overrides,
  });
}

/** Calls the control API and returns the parsed JSON, failing loudly on an unexpected status. */
export async function control<T = Record<string, unknown>>(
  sandbox: MetaSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${sandbox.url}/_sandbox/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) {
    throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
  }
  return json as T;
}

export async function graph(
  sandbox: MetaSandbox,
  path: string,
  init: { method?: string; token?: string; body?: unknown; query?: Record<string, string> } = {},
) {
  const url = new URL(`${sandbox.url}/${path}`);
  for (const [key, value] of Object.entries(init.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: await response.json() };
}

export interface ReceivedWebhook {
  raw: Uint8Array;
  text: string;
  // deno-lint-ignore no-explicit-any
  json: any;
  signature: string | null;
  validFor: (secret: string) => Promise<boolean>;
}

/** A local Deno.serve that records every webhook POST with its exact bytes. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** Statuses to answer, in order; 200 once empty. */
  readonly answers: number[] = [];
  #server: Deno.HttpServer<Deno.NetAddr>;
  #waiters: (() => void)[] = [];

  constructor() {
    this.#server = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen: () => {} },
      async (request) => {
        const raw = new Uint8Array(await request.arrayBuffer());
        const signature = request.headers.get("x-hub-signature-256");
        const status = this.answers.shift() ?? 200;
        if (status < 300) {
          const text = new TextDecoder().decode(raw);
          this.received.push({
            raw,
            text,
            json: JSON.parse(text),
            signature,
            validFor: (secret) => verifySignature(secret, raw, signature),
          });
          this.#waiters.splice(0).forEach((wake) => wake());
        }
        return new Response(status < 300 ? "EVENT_RECEIVED" : "nope", { status });
      },
    );
  }

  get url() {
    return `http://127.0.0.1:${this.#server.addr.port}/webhook`;
  }

  /** Waits until `count` webhooks were accepted, or fails after `ms`. */
  async waitFor(count: number, ms = 3000): Promise<ReceivedWebhook[]> {
    const deadline = Date.now() + ms;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} webhooks, got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received;
  }

  stop() {
    return this.#server.shutdown();
  }
}

/** A subscribed Instagram-Login account, a lead who has just DMed it, and the lead's IGSID. */
export async function accountWithConversation(
  sandbox: MetaSandbox,
  options: { humanAgent?: boolean; dmsDisabled?: boolean; at?: number; loginPath?: string } = {},
) {
  const account = await control<
    { igAccountId: string; accessToken: string; pageId: string | null }
  >(
    sandbox,
    "POST",
    "accounts",
    {
      username: `acct_${crypto.randomUUID().slice(0, 8)}`,
      loginPath: options.loginPath ?? "instagram_login",
      humanAgent: options.humanAgent,
      dmsDisabled: options.dmsDisabled,
      subscribedFields: [
        "messages",
        "message_reactions",
        "messaging_seen",
        "messaging_postbacks",
        "messaging_referral",
      ],
    },
  );
  const lead = await control<{ id: string }>(sandbox, "POST", "leads", {
    username: `lead_${crypto.randomUUID().slice(0, 8)}`,
    name: "Maya Okafor",
  });
  const message = await control<{ mid: string; igsid: string; conversationId: string }>(
    sandbox,
    "POST",
    `leads/${lead.id}/messages`,
    { account: account.igAccountId, text: "Hi, is the role still open?", at: options.at },
  );
  return { account, lead, ...message };
}
