import { HttpError } from "../http.ts";

const tooLarge = (maxBytes: number, readBytes?: number) =>
  new HttpError(413, "payload_too_large", "Delivery too large", {
    max_bytes: maxBytes,
    ...(readBytes === undefined ? {} : { read_bytes: readBytes }),
  });

/**
 * The request body, refused past `maxBytes`: by its declared length, or, without one, read chunk
 * by chunk and given up as soon as it passes `maxBytes`. A chunked POST declares no Content-Length
 * to refuse it by, and reading it whole before counting let anyone make the function hold as much
 * memory as they cared to send.
 */
export async function readBodyWithin(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  // a declared length (and no transfer coding overriding it) is all the server reads of the body:
  // read it at once, as Meta's deliveries declare one
  if (declared !== null && !request.headers.has("transfer-encoding")) {
    return new Uint8Array(await request.arrayBuffer());
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // stop reading: the rest is never pulled from the connection
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes, size);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
