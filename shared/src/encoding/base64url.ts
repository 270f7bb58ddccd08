/** base64url without padding (RFC 4648 §5), for tokens, signatures and URL parameters. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Throws on text that is not base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  return Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
}

export const jsonToBase64Url = (value: unknown) =>
  toBase64Url(new TextEncoder().encode(JSON.stringify(value)));

export const base64UrlToJson = (text: string): unknown =>
  JSON.parse(new TextDecoder().decode(fromBase64Url(text)));
