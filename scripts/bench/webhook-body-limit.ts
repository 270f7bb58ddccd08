/**
 * A 64 MB chunked POST (no Content-Length) at instagram-webhook must be refused with 413 once the
 * 4 MB limit is passed, without the gateway holding the body. Starts a throwaway platform, reads
 * the gateway's resident memory (VmRSS) when idle, sends the body over a raw socket 64 KB chunk by
 * chunk until the answer comes, samples the gateway's memory meanwhile, and prints:
 *
 *   - the status, the body bytes the function read before refusing (its 413 says), and the bytes
 *     sent before the answer arrived (the difference sat in socket buffers; the rest is never sent)
 *   - the gateway's memory: idle, peak while the POST ran, after, and the ceiling (idle + 50 MB)
 *
 *   node_modules/.bin/deno run -A scripts/bench/webhook-body-limit.ts [--megabytes 64]
 *
 * Exits 1 when the answer is not 413 or the gateway's memory went past the ceiling.
 */
import { gatewayPid, residentBytes } from "./process-tree.ts";
import { startThrowawayPlatform } from "./throwaway-platform.ts";

const args = new Map<string, string>();
for (let i = 0; i < Deno.args.length; i += 2) args.set(Deno.args[i]!, Deno.args[i + 1] ?? "");
const TOTAL = Number(args.get("--megabytes") ?? 64) * 1024 * 1024;
const LIMIT = 4 * 1024 * 1024;
const CEILING = 50 * 1024 * 1024;
const CHUNK = 64 * 1024;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const encoder = new TextEncoder();

/**
 * POSTs `total` bytes with Transfer-Encoding: chunked over a plain TCP connection, so that what
 * was sent is counted exactly; stops sending as soon as the answer's status line arrives (or the
 * server closes the connection), then reads the answer to its end.
 */
async function chunkedPost(url: URL, total: number) {
  const conn = await Deno.connect({ hostname: url.hostname, port: Number(url.port) });
  const statusLine = Promise.withResolvers<number>();
  const answer = (async () => {
    const buffer = new Uint8Array(16 * 1024);
    let text = "";
    for (;;) {
      const n = await conn.read(buffer).catch(() => null);
      if (n === null) break;
      text += new TextDecoder().decode(buffer.subarray(0, n));
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      if (status) statusLine.resolve(Number(status));
      // the answer is whole once its declared length is in (the server may keep the socket open)
      const head = text.indexOf("\r\n\r\n");
      const length = /\r\ncontent-length: (\d+)/i.exec(text)?.[1];
      if (head >= 0 && length && encoder.encode(text.slice(head + 4)).length >= Number(length)) {
        break;
      }
    }
    statusLine.resolve(0);
    // the function says how much of the body it had read when it refused it
    const readBytes = /"read_bytes":(\d+)/.exec(text)?.[1];
    return { status: await statusLine.promise, readBytes: readBytes ? Number(readBytes) : null };
  })();
  let answered = false;
  let answeredAt = 0;
  statusLine.promise.then(() => {
    answered = true;
    answeredAt = performance.now();
  });

  await conn.write(encoder.encode(
    `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\ncontent-type: application/json\r\n` +
      `transfer-encoding: chunked\r\nconnection: close\r\n\r\n`,
  ));
  const chunk = new Uint8Array([
    ...encoder.encode(`${CHUNK.toString(16)}\r\n`),
    ...new Uint8Array(CHUNK).fill(0x20),
    ...encoder.encode("\r\n"),
  ]);
  let sent = 0;
  let writeError: string | null = null;
  while (sent < total && !answered) {
    // a write the server no longer reads waits until the answer arrives or the socket closes
    const written = await Promise.race([
      writeAll(conn, chunk).then(() => true, (error) => {
        writeError = error instanceof Error ? error.name : String(error);
        return false;
      }),
      statusLine.promise.then(() => false),
    ]);
    if (!written) break;
    sent += CHUNK;
  }
  if (!answered) await writeAll(conn, encoder.encode("0\r\n\r\n")).catch(() => {});
  const timeout = setTimeout(() => conn.close(), 5000);
  const { status, readBytes } = await answer;
  clearTimeout(timeout);
  try {
    conn.close();
  } catch {
    // closed already
  }
  return { status, readBytes, sent, writeError, answeredAt };
}

async function writeAll(conn: Deno.Conn, bytes: Uint8Array) {
  let offset = 0;
  while (offset < bytes.length) offset += await conn.write(bytes.subarray(offset));
}

const platform = await startThrowawayPlatform();
let failed = false;
try {
  const endpoint = new URL(`${platform.url}/functions/v1/instagram-webhook`);
  const pid = gatewayPid();
  // warm-up: the function module loads and answers a small unsigned POST, as it will in use
  for (let i = 0; i < 20; i++) {
    const response = await fetch(endpoint, { method: "POST", body: '{"object":"instagram"}' });
    await response.body?.cancel();
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idle = residentBytes(pid);

  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentBytes(pid));
  }, 10);
  const started = performance.now();
  const result = await chunkedPost(endpoint, TOTAL);
  const seconds = (result.answeredAt - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 500));
  clearInterval(sampler);
  const after = residentBytes(pid);
  peak = Math.max(peak, after);

  const ceiling = idle + CEILING;
  console.log(`\n${mb(TOTAL)} chunked POST (no Content-Length) at ${endpoint.pathname}`);
  console.log(
    `  answer: ${result.status} after ${seconds.toFixed(2)} s${
      result.writeError ? ` (the server closed the socket: ${result.writeError})` : ""
    }`,
  );
  console.log(
    `  body bytes read by the function: ${
      result.readBytes === null ? "not said" : `${mb(result.readBytes)} (${result.readBytes} bytes)`
    }; limit ${mb(LIMIT)} (${LIMIT} bytes)`,
  );
  console.log(
    `  body bytes sent before the answer: ${mb(result.sent)} (${result.sent} bytes; the rest of ${
      mb(TOTAL)
    } never sent; sent beyond what was read sat in socket buffers)`,
  );
  console.log(`  gateway ${pid} resident memory (VmRSS):`);
  console.log(`    idle   ${mb(idle)}`);
  console.log(`    peak   ${mb(peak)}   (+${mb(peak - idle)})`);
  console.log(`    after  ${mb(after)}   (+${mb(after - idle)})`);
  console.log(`    ceiling ${mb(ceiling)} (idle + ${mb(CEILING)})`);
  failed = result.status !== 413 || peak > ceiling;
  console.log(
    failed
      ? `\nFAIL: ${
        result.status !== 413 ? `answered ${result.status}, not 413` : "memory over the ceiling"
      }`
      : "\nok: refused with 413, gateway memory within idle + 50 MB",
  );
} finally {
  await platform.stop();
}
if (failed) Deno.exit(1);
