/** Stand-in media for attachment and profile picture URLs, so a browser or fetch gets real bytes. */

// A 1×1 transparent PNG.
const PIXEL = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  ),
  (c) => c.charCodeAt(0),
);

export function mediaResponse(name: string): Response {
  // Every "image" is the same pixel; other kinds answer a few placeholder bytes of the right type.
  const type = /\.(mp4)$/.test(name)
    ? "video/mp4"
    : /\.m4a$/.test(name)
    ? "audio/mp4"
    : /\.pdf$/.test(name)
    ? "application/pdf"
    : "image/png";
  const bytes = type === "image/png" ? PIXEL : new TextEncoder().encode(`sandbox media ${name}`);
  return new Response(bytes, {
    headers: { "content-type": type, "cache-control": "max-age=3600" },
  });
}
