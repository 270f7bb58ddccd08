/**
 * A load generator's HTTP/1.1 client: one kept-alive connection, requests sent as prepared bytes,
 * one at a time, and only the status and the end of the body read back. Meta's senders are not on
 * our cores; `fetch` (Request and Headers objects, a body stream per request) spends about 150 µs of
 * them per request, which a benchmark of the server would count against it (wrk and oha are built
 * the same way for that reason).
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const HEADERS_END = [13, 10, 13, 10];

/** The bytes of one request, with content-length; `headers` are sent as given. */
export function requestBytes(
  url: URL,
  method: "GET" | "POST",
  headers: Record<string, string> = {},
  body?: Uint8Array,
): Uint8Array {
  const lines = [
    `${method} ${url.pathname}${url.search} HTTP/1.1`,
    `host: ${url.host}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ...(body ? [`content-length: ${body.byteLength}`] : []),
  ];
  const head = encoder.encode(`${lines.join("\r\n")}\r\n\r\n`);
  if (!body) return head;
  const bytes = new Uint8Array(head.byteLength + body.byteLength);
  bytes.set(head);
  bytes.set(body, head.byteLength);
  return bytes;
}

export class KeepAliveConnection {
  #buffer = new Uint8Array(64 * 1024);
  #length = 0;

  private constructor(private readonly conn: Deno.TcpConn) {}

  static async open(url: URL): Promise<KeepAliveConnection> {
    const conn = await Deno.connect({ hostname: url.hostname, port: Number(url.port) });
    conn.setNoDelay(true);
    return new KeepAliveConnection(conn);
  }

  /** Sends a prepared request and answers the response's status once its body has been read. */
  async send(request: Uint8Array): Promise<number> {
    for (let written = 0; written < request.byteLength;) {
      written += await this.conn.write(request.subarray(written));
    }
    let headEnd: number;
    while ((headEnd = this.#indexOf(HEADERS_END, 0)) < 0) await this.#fill();
    const head = decoder.decode(this.#buffer.subarray(0, headEnd));
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let consumed: number;
    if (length) {
      consumed = headEnd + 4 + Number(length[1]);
      while (this.#length < consumed) await this.#fill();
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      // the last chunk is empty: "0\r\n\r\n"
      let end: number;
      while ((end = this.#indexOf([48, 13, 10, 13, 10], headEnd + 4)) < 0) await this.#fill();
      consumed = end + 5;
    } else {
      throw new Error(`a response without a length: ${head}`);
    }
    this.#buffer.copyWithin(0, consumed, this.#length);
    this.#length -= consumed;
    return status;
  }

  close() {
    this.conn.close();
  }

  async #fill() {
    if (this.#length === this.#buffer.byteLength) {
      const larger = new Uint8Array(this.#buffer.byteLength * 2);
      larger.set(this.#buffer);
      this.#buffer = larger;
    }
    const n = await this.conn.read(this.#buffer.subarray(this.#length));
    if (n === null) throw new Error("the server closed the connection");
    this.#length += n;
  }

  #indexOf(pattern: number[], from: number) {
    outer: for (let i = from; i <= this.#length - pattern.length; i++) {
      for (let j = 0; j < pattern.length; j++) {
        if (this.#buffer[i + j] !== pattern[j]) continue outer;
      }
      return i;
    }
    return -1;
  }
}
