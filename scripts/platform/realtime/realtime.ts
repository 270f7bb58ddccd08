import type { JWTVerifyGetKey } from "jose";
import postgres from "postgres";
import { broadcastApi, xHeaders } from "./broadcast-api.ts";
import { Connection } from "./connection.ts";
import type { RealtimeContext } from "./context.ts";
import { startDatabaseBroadcasts } from "./database-broadcasts.ts";
import { type Vsn, VSNS } from "./frames.ts";
import { startPartitionJanitor } from "./partitions.ts";
import { checkToken } from "./tokens.ts";
import { Topics } from "./topics.ts";

export interface RealtimeOptions {
  databaseUrl: string;
  keys: JWTVerifyGetKey;
  log: (message: string) => void;
}

/** The handshake errors of supabase/realtime UserSocket.handle_error/2. */
const HANDSHAKE_ERRORS: Record<string, string> = {
  expired_token: "Token has expired",
  missing_claims: "Fields `role` and `exp` are required in JWT",
  token_malformed: "The token provided is not a valid JWT",
  signature_error: "Failed to validate JWT signature",
};

/**
 * The local Realtime (docs/local-platform.md §3): `/realtime/v1/websocket` for
 * @supabase/realtime-js and the broadcast HTTP API, Broadcast only (no Postgres Changes, no
 * Presence), private channels authorised by the policies on realtime.messages.
 */
export async function startRealtime(options: RealtimeOptions) {
  const sql = postgres(options.databaseUrl, { max: 5, onnotice: () => {} });
  const topics = new Topics();
  const database = startDatabaseBroadcasts(options.databaseUrl, topics, options.log);
  const janitor = await startPartitionJanitor(sql, options.log);
  const connections = new Set<Connection>();
  const context: RealtimeContext = {
    sql,
    keys: options.keys,
    topics,
    replicationReady: database.ready,
    log: options.log,
  };

  /** `GET /realtime/v1/websocket?apikey=<jwt>&vsn=<1.0.0|2.0.0>` (UserSocket.connect/3). */
  async function websocket(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return Response.json({ error: "expected a WebSocket upgrade" }, { status: 400 });
    }
    const params = new URL(request.url).searchParams;
    const vsn = (params.get("vsn") ?? "1.0.0") as Vsn;
    if (!VSNS.includes(vsn)) {
      return Response.json({ error: `unsupported vsn ${vsn}` }, { status: 400 });
    }
    const token = request.headers.get("x-api-key") ?? params.get("apikey");
    if (!token) return Response.json({ error: "API key is missing" }, { status: 401 });
    const checked = await checkToken(token, options.keys);
    if (!checked.ok) {
      const error = HANDSHAKE_ERRORS[checked.reason] ?? checked.message;
      return Response.json({ error }, { status: 401 });
    }
    // read before the upgrade: the request's headers are gone once it is upgraded
    const headers = xHeaders(request.headers);
    const { socket, response } = Deno.upgradeWebSocket(request);
    const connection = new Connection(socket, vsn, token, headers, context);
    connections.add(connection);
    socket.addEventListener("close", () => connections.delete(connection));
    return response;
  }

  return {
    websocket,
    api: (request: Request, path: string) => broadcastApi(context, request, path),
    status() {
      const { ready, delivered, lastError } = database.status();
      const channels = [...connections].reduce((sum, c) => sum + c.channelCount, 0);
      return {
        up: ready,
        detail: `${connections.size} sockets, ${channels} channels, ${delivered} broadcasts from ` +
          `the database${lastError ? `, last error ${lastError}` : ""}`,
      };
    },
    async stop() {
      janitor.stop();
      for (const connection of connections) connection.socket.close(1001, "server shutting down");
      await database.stop();
      await sql.end({ timeout: 1 });
    },
  };
}
