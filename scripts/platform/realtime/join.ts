/** What a `phx_join` asks for, and the answers Realtime gives to a join. */

export interface JoinConfig {
  self: boolean;
  ack: boolean;
  isPrivate: boolean;
  presence: boolean;
  replicationReady: boolean;
  postgresChanges: Record<string, unknown>[];
}

export function joinConfig(payload: unknown): JoinConfig {
  const config = (payload as { config?: Record<string, unknown> } | null)?.config ?? {};
  const broadcast = (config.broadcast ?? {}) as Record<string, unknown>;
  const presence = (config.presence ?? {}) as Record<string, unknown>;
  const changes = Array.isArray(config.postgres_changes) ? config.postgres_changes : [];
  return {
    self: broadcast.self === true,
    ack: broadcast.ack === true,
    isPrivate: config.private === true,
    presence: presence.enabled === true,
    replicationReady: broadcast.replication_ready === true,
    postgresChanges: changes.filter((entry) => entry && typeof entry === "object"),
  };
}

/** A failed join: `reason` is what Realtime answers (`{status: "error", response: {reason}}`). */
export class JoinError extends Error {}

/** The join errors of RealtimeChannel.join/3 for a token that does not pass. */
export function joinTokenReason(reason: string, message: string) {
  switch (reason) {
    case "expired_token":
    case "missing_claims":
      return `InvalidJWTToken: ${message}`;
    case "token_malformed":
      return `MalformedJWT: ${message}`;
    case "signature_error":
      return `JwtSignatureError: ${message}`;
    default:
      return `JwtSignerError: ${message}`;
  }
}

/**
 * The join reply's postgres_changes: each entry as the client sent it, with an integer id that is
 * the same for equal params (Realtime: `:erlang.phash2/1`); the client matches them by position.
 */
export function postgresChangesWithIds(entries: Record<string, unknown>[]) {
  return entries.map((params) => ({ ...params, id: stableId(params) }));
}

function stableId(params: unknown) {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(params)) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  }
  return hash % 134217728;
}
