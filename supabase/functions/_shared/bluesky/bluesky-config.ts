import { HttpError } from "../http.ts";

/**
 * Where chat.bsky.* calls go: the value of the `atproto-proxy` header (docs/bluesky.md §5).
 * Bluesky's own chat service unless BLUESKY_CHAT_PROXY names another (the local chat simulator).
 */
export function blueskyChatProxy(): { did: `did:${string}`; header: string } {
  const header = Deno.env.get("BLUESKY_CHAT_PROXY") || "did:web:api.bsky.chat#bsky_chat";
  const did = header.split("#")[0]!;
  if (!did.startsWith("did:") || !header.includes("#")) {
    throw new Error(`BLUESKY_CHAT_PROXY must look like did:web:api.bsky.chat#bsky_chat`);
  }
  return { did: did as `did:${string}`, header };
}

/**
 * A PDS address a person typed: https, or plain http for the hosts BLUESKY_INSECURE_PDS_HOSTS
 * lists (the local network's `localhost`; empty in production). No credentials, paths or
 * queries: the session calls `<origin>/xrpc/...`.
 */
export function pdsOrigin(serviceUrl: string): URL {
  const url = new URL(serviceUrl);
  const insecure = (Deno.env.get("BLUESKY_INSECURE_PDS_HOSTS") ?? "").split(",")
    .map((host) => host.trim()).filter(Boolean);
  const allowed = url.protocol === "https:" ||
    (url.protocol === "http:" && insecure.includes(url.hostname));
  if (!allowed || url.username || url.password) {
    throw new HttpError(422, "invalid_service_url", "The Bluesky server address must use https", [
      { path: "service_url", message: "must be an https address, like https://bsky.social" },
    ]);
  }
  return new URL(url.origin);
}
