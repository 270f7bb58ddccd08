import type { JWTVerifyGetKey } from "jose";
import type postgres from "postgres";
import type { Vsn } from "./frames.ts";
import type { Topics } from "./topics.ts";

/** What every part of the local Realtime shares. */
export interface RealtimeContext {
  /** a superuser connection: authorization checks switch role inside their transactions */
  sql: postgres.Sql;
  /** the project's public signing keys */
  keys: JWTVerifyGetKey;
  topics: Topics;
  /** true once broadcasts from the database are being read */
  replicationReady(): boolean;
  log(message: string): void;
}

/** The side of a socket connection a channel talks to. */
export interface ConnectionLike {
  readonly context: RealtimeContext;
  readonly vsn: Vsn;
  /** the token the socket connected with (the `apikey` parameter) */
  readonly token: string;
  /** the upgrade request's `x-` headers, which policies see as request.headers */
  readonly headers: Record<string, string>;
  send(frame: string | Uint8Array): void;
  forget(channel: { topic: string }): void;
}
