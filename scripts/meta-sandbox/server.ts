/**
 * The Meta sandbox: a local HTTP server that answers like Meta's Graph API, OAuth dialogs and
 * webhooks for every call DM Desk's functions make. Meta's hosts are path prefixes:
 * `${url}/graph.instagram.com/v25.0/me`, `${url}/api.instagram.com/oauth/access_token`, ...
 * Facts and their sources: docs/meta-platform.md (cited as §n).
 */
import { BackgroundTasks } from "./background-tasks.ts";
import { handleControl } from "./control-api.ts";
import { controlPage } from "./control-page.ts";
import { facebookDialog } from "./facebook-login.ts";
import { AFTER_CALL_FAULTS, takeFault } from "./faults.ts";
import { handleGraph } from "./graph-api.ts";
import type { GraphCall, SandboxServices } from "./graph-context.ts";
import { GraphError, graphErrorResponse, graphErrors, type GraphHost } from "./graph-errors.ts";
import { jsonResponse, readParams } from "./http-helpers.ts";
import { instagramAuthorize, instagramCodeExchange } from "./instagram-login.ts";
import {
  type AppCredentials,
  createState,
  type Fault,
  type SandboxState,
} from "./sandbox-state.ts";
import { seedDemoData } from "./seed.ts";
import { WebhookDispatcher, type WebhookSettings } from "./webhook-delivery.ts";

export type { SandboxState } from "./sandbox-state.ts";

export interface MetaSandboxOptions extends AppCredentials {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Where webhooks go; may be set later with `POST /_sandbox/webhook-target`. */
  webhookUrl?: string;
  /** The version used in links the sandbox writes (any `vNN.N` is accepted in paths). §8: v25.0. */
  graphVersion?: string;
  /** Create the demo account `northwind.careers` (17841400000000001) and a few leads. */
  seed?: boolean;
  /** Waits before webhook retries (default 1 s, 5 s, 15 s). Tests pass a few milliseconds. */
  webhookRetryDelaysMs?: number[];
  /** One webhook attempt gives up after this long (default 20 s, Messenger FAQ, §3). */
  webhookTimeoutMs?: number;
  /** An out_of_order delivery waits at most this long for the next delivery (default 2 s). */
  outOfOrderHoldMs?: number;
  /** Delay before a sent message's echo webhook (default 100 ms). */
  echoDelayMs?: number;
  /** A "timeout" fault holds the request until the client gives up, at most this long (default 30 s). */
  faultTimeoutMs?: number;
  /** Log one line per Meta request (default false). */
  logRequests?: boolean;
}

export interface MetaSandbox {
  url: string;
  stop(): Promise<void>;
  state: SandboxState;
}

const VERSION = /^v\d+\.\d+$/;

export async function startMetaSandbox(options: MetaSandboxOptions): Promise<MetaSandbox> {
  const state = createState(options, options.graphVersion ?? "v25.0", options.webhookUrl ?? null);
  if (options.seed) seedDemoData(state);
  const background = new BackgroundTasks();
  const settings: WebhookSettings = {
    retryDelaysMs: options.webhookRetryDelaysMs ?? [1000, 5000, 15000],
    timeoutMs: options.webhookTimeoutMs ?? 20000,
    outOfOrderHoldMs: options.outOfOrderHoldMs ?? 2000,
  };
  const services: SandboxServices = {
    state,
    webhooks: new WebhookDispatcher(state, settings, background),
    background,
    echoDelayMs: options.echoDelayMs ?? 100,
    faultTimeoutMs: options.faultTimeoutMs ?? 30000,
    heldAnswers: new Map(),
    baseUrl: "",
    seed: options.seed ?? false,
  };

  const { promise: listening, resolve: onListen } = Promise.withResolvers<Deno.NetAddr>();
  const server = Deno.serve({
    hostname: "127.0.0.1",
    port: options.port ?? 0,
    onListen: (addr) => onListen(addr as Deno.NetAddr),
  }, async (request) => {
    try {
      const response = await route(services, request);
      if (options.logRequests && !new URL(request.url).pathname.startsWith("/_sandbox")) {
        console.log(
          `meta-sandbox ${request.method} ${new URL(request.url).pathname} → ${response.status}`,
        );
      }
      return response;
    } catch (error) {
      console.error("meta-sandbox: unexpected error", error);
      return jsonResponse({ error: String(error) }, 500);
    }
  });
  const addr = await listening;
  services.baseUrl = `http://127.0.0.1:${addr.port}`;

  return {
    url: services.baseUrl,
    state,
    async stop() {
      await background.stop();
      await server.shutdown();
    },
  };
}

async function route(
  services: SandboxServices,
  request: Request,
  withFaults = true,
): Promise<Response> {
  const url = new URL(request.url);
  const segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const [host, ...rest] = segments;
  if (!host) return request.method === "GET" ? controlPage(services) : notFound(url);
  if (host === "_sandbox") return await handleControl(services, request, rest);

  const metaHosts = [
    "www.instagram.com",
    "api.instagram.com",
    "graph.instagram.com",
    "www.facebook.com",
    "graph.facebook.com",
  ];
  if (!metaHosts.includes(host)) return notFound(url);
  const graphHost = host.startsWith("graph.") ? host as GraphHost : undefined;
  try {
    const fault = withFaults
      ? takeFault(services.state, "graph", url.pathname + url.search)
      : undefined;
    if (fault && AFTER_CALL_FAULTS.includes(fault.kind)) {
      const answer = await route(services, request, false);
      return await afterCallFault(services, fault, graphHost ?? "graph.instagram.com", answer);
    }
    if (fault) {
      return await injectedFault(services, fault.kind, graphHost ?? "graph.instagram.com");
    }

    if (host === "www.instagram.com" && rest.join("/") === "oauth/authorize") {
      return await instagramAuthorize(services, request);
    }
    if (host === "api.instagram.com" && rest.join("/") === "oauth/access_token") {
      return await instagramCodeExchange(services, request);
    }
    if (host === "www.facebook.com") {
      const path = (VERSION.test(rest[0] ?? "") ? rest.slice(1) : rest).join("/");
      if (path === "dialog/oauth") return await facebookDialog(services, request);
      return notFound(url);
    }
    if (!graphHost) return notFound(url);
    const version = VERSION.test(rest[0] ?? "") ? rest[0] : undefined;
    let params;
    try {
      params = await readParams(request);
    } catch {
      throw graphErrors.invalidParameter("The request body could not be parsed as JSON");
    }
    const call: GraphCall = {
      host: graphHost,
      version,
      method: request.method,
      segments: version ? rest.slice(1) : rest,
      params,
      request,
      url,
    };
    return jsonResponse(await handleGraph(services, call));
  } catch (error) {
    if (error instanceof GraphError) return graphErrorResponse(error);
    throw error;
  }
}

/**
 * Faults (`POST /_sandbox/faults`, target "graph"): throttling answers as documented in §2
 * (4, 17, 32, 613/2534040), server errors, or a hold until the client gives up.
 */
async function injectedFault(
  services: SandboxServices,
  fault: string,
  host: GraphHost,
): Promise<Response> {
  switch (fault) {
    case "rate_limit_4":
      return graphErrorResponse(graphErrors.rateLimit4());
    case "rate_limit_17":
      return graphErrorResponse(graphErrors.rateLimit17());
    case "rate_limit_32":
      return graphErrorResponse(graphErrors.rateLimit32());
    case "rate_limit_613":
      return graphErrorResponse(graphErrors.rateLimit613(host));
    case "http_500":
      return graphErrorResponse(graphErrors.unknownError());
    case "http_503":
      return graphErrorResponse(graphErrors.serviceUnavailable());
    default: {
      // "timeout": hold the answer until the bound passes (or the sandbox stops), then 504. A client
      // with a shorter timeout has given up by then. (request.signal is not used: Deno also aborts it
      // after successful responses, and warns about it.)
      await services.background.sleep(services.faultTimeoutMs);
      return new Response("Gateway Timeout", { status: 504 });
    }
  }
}

/**
 * The after-call faults: the call has done its work (a message stored, its echo on the way), then
 * `sent_then_error` replaces a success with Meta's 1/1357046 and `hold_answer` keeps the answer
 * until `POST /_sandbox/faults/<id>/release` (or the fault timeout).
 */
async function afterCallFault(
  services: SandboxServices,
  fault: Fault,
  host: GraphHost,
  answer: Response,
): Promise<Response> {
  if (fault.kind === "sent_then_error") {
    if (!answer.ok) return answer;
    await answer.body?.cancel();
    return graphErrorResponse(graphErrors.sentDespiteError(host));
  }
  const { promise, resolve } = Promise.withResolvers<void>();
  services.heldAnswers.set(fault.id, resolve);
  const timeout = services.background.sleep(services.faultTimeoutMs);
  await Promise.race([promise, timeout]);
  services.heldAnswers.delete(fault.id);
  return answer;
}

function notFound(url: URL) {
  return jsonResponse({ error: `the Meta sandbox has no route ${url.pathname}` }, 404);
}
