/**
 * The Bluesky chat simulator: a local stand-in for Bluesky's chat service (`api.bsky.chat`),
 * which is not open source. A PDS reaches it as it reaches the real one: the client sends
 * `atproto-proxy: <did>#bsky_chat`, the PDS resolves the DID document (here a did:web on
 * localhost) and forwards the call with a service-auth JWT. Every request and response is
 * checked against the published `chat.bsky.convo` lexicons (docs/bluesky.md §5, README.md).
 */
import { ChatStore } from "./chat-store.ts";
import { ChatError, chatMethods } from "./chat-methods.ts";
import {
  assertValidInput,
  assertValidOutput,
  assertValidParams,
  decodeParams,
  InvalidRequest,
  methodDef,
} from "./lexicon-check.ts";
import { AuthError, createIdentity } from "./service-auth.ts";

export interface ChatSimulatorOptions {
  /** 0 (default) picks a free port */
  port?: number;
  /** the PLC directory that resolves callers' DIDs; without it JWT signatures are not checked */
  plcUrl?: string;
  logRequests?: boolean;
}

export interface ChatCall {
  nsid: string;
  caller: string | null;
  status: number;
  error?: string;
}

export interface ChatSimulator {
  url: string;
  /** `did:web:localhost%3A<port>` */
  did: string;
  /** the value of the `atproto-proxy` header that routes a PDS call here */
  proxy: string;
  store: ChatStore;
  /** every call answered, in order: tests check what was refused and why */
  calls: ChatCall[];
  stop(): Promise<void>;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
  });

export function startChatSimulator(options: ChatSimulatorOptions = {}): ChatSimulator {
  const store = new ChatStore();
  const identity = createIdentity(options.plcUrl);
  const methods = chatMethods(store, identity);
  const calls: ChatCall[] = [];
  let did = "";

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.pathname === "/.well-known/did.json") return json(200, didDocument(did, origin));
    if (url.pathname === "/") return json(200, { service: "bluesky chat simulator", did });
    // for tests in another process: what was answered, and what was refused
    if (url.pathname === "/_simulator/calls") return json(200, calls);
    const nsid = url.pathname.match(/^\/xrpc\/([a-zA-Z0-9.]+)$/)?.[1];
    if (!nsid) return json(404, { error: "NotFound", message: "Not Found" });

    const call: ChatCall = { nsid, caller: null, status: 200 };
    calls.push(call);
    const fail = (status: number, error: string, message: string) => {
      call.status = status;
      call.error = error;
      if (options.logRequests) console.log(`[chat] ${nsid} ${status} ${error}: ${message}`);
      return json(status, { error, message });
    };
    const def = methodDef(nsid);
    const method = methods[nsid];
    if (!def || !method) return fail(501, "MethodNotImplemented", `${nsid} is not implemented`);
    const isProcedure = def.type === "procedure";
    if (request.method !== (isProcedure ? "POST" : "GET")) {
      return fail(400, "InvalidRequest", `${nsid} is a ${def.type}`);
    }
    try {
      call.caller = await identity.verify(request.headers.get("authorization"), did, nsid);
      const params = decodeParams(nsid, url.searchParams);
      assertValidParams(nsid, params);
      let input: Record<string, unknown> = {};
      if (isProcedure) {
        if (!request.headers.get("content-type")?.startsWith("application/json")) {
          throw new InvalidRequest("Request encoding (Content-Type) required but not provided");
        }
        try {
          input = await request.json();
        } catch {
          throw new InvalidRequest("Request body is not JSON");
        }
        assertValidInput(nsid, input);
      }
      const output = await method(call.caller, params, input);
      try {
        assertValidOutput(nsid, output);
      } catch (error) {
        return fail(500, "InternalServerError", `simulator output: ${(error as Error).message}`);
      }
      if (options.logRequests) console.log(`[chat] ${nsid} 200 for ${call.caller}`);
      return json(200, output);
    } catch (error) {
      if (error instanceof AuthError) return fail(401, error.code, error.message);
      if (error instanceof InvalidRequest) return fail(400, "InvalidRequest", error.message);
      if (error instanceof ChatError) return fail(error.status, error.error, error.message);
      return fail(500, "InternalServerError", String(error));
    }
  };

  // did:web resolves http://localhost only (not 127.0.0.1) without TLS (@atproto/identity)
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: options.port ?? 0, onListen: () => {} },
    handle,
  );
  const port = server.addr.port;
  const origin = `http://localhost:${port}`;
  did = `did:web:localhost%3A${port}`;
  return {
    url: origin,
    did,
    proxy: `${did}#bsky_chat`,
    store,
    calls,
    stop: () => server.shutdown(),
  };
}

/** A did:web document naming this server as the `#bsky_chat` service, as api.bsky.chat's does. */
function didDocument(did: string, origin: string) {
  return {
    "@context": ["https://www.w3.org/ns/did/v1"],
    id: did,
    service: [{ id: "#bsky_chat", type: "BskyChatService", serviceEndpoint: origin }],
  };
}
