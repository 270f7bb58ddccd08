import assert from "node:assert/strict";
import { createLocalJWKSet } from "jose";
import { FunctionHost } from "../functions/function-host.ts";
import { createFunctionsRoute } from "../functions/functions-route.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

/** A function that answers what it was given: its URL, method, headers and body bytes. */
const ECHO = `
Deno.serve(async (request) => {
  const body = new Uint8Array(await request.arrayBuffer());
  return Response.json({
    url: request.url,
    method: request.method,
    headers: Object.fromEntries(request.headers),
    body: Array.from(body),
  });
});
`;

async function servedRoute() {
  const dir = await Deno.makeTempDir({ prefix: "functions-route-" });
  await Deno.mkdir(`${dir}/echo`);
  await Deno.writeTextFile(`${dir}/echo/index.ts`, ECHO);
  const route = createFunctionsRoute({
    host: new FunctionHost(new URL(`file://${dir}/`)),
    slugs: () => ["echo"],
    verifyJwt: () => false,
    keys: createLocalJWKSet({ keys: [] }),
    publicUrl: "http://127.0.0.1:54321",
  });
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    (request, info) =>
      route(request, new URL(request.url).pathname.slice("/functions/v1".length), info),
  );
  const url = `http://127.0.0.1:${server.addr.port}/functions/v1`;
  return {
    url,
    close: async () => {
      await server.shutdown();
      await Deno.remove(dir, { recursive: true });
    },
  };
}

Deno.test(
  "a function is handed the request as sent, under its own path: method, query, headers and every body byte",
  options,
  async () => {
    const served = await servedRoute();
    try {
      // bytes that are not UTF-8 text: a body passed on as text would lose them
      const bytes = new Uint8Array([0, 255, 254, 10, 13, 128, 65]);
      const declared = await fetch(`${served.url}/echo/deliveries?hub.mode=subscribe`, {
        method: "POST",
        headers: { "x-hub-signature-256": "sha256=abc", "content-type": "application/json" },
        body: bytes,
      }).then((response) => response.json());
      assert.equal(declared.url, "http://127.0.0.1:54321/echo/deliveries?hub.mode=subscribe");
      assert.equal(declared.method, "POST");
      assert.equal(declared.headers["x-hub-signature-256"], "sha256=abc");
      assert.equal(declared.headers["content-length"], String(bytes.byteLength));
      assert.deepEqual(declared.body, Array.from(bytes));

      // a streamed body declares no length: it arrives chunk by chunk, and whole
      const chunks = [new Uint8Array(70_000).fill(7), new Uint8Array([1, 2, 3])];
      const streamed = await fetch(`${served.url}/echo`, {
        method: "PUT",
        body: ReadableStream.from(chunks),
      }).then((response) => response.json());
      assert.equal(streamed.method, "PUT");
      assert.equal(streamed.headers["transfer-encoding"], "chunked");
      assert.equal(streamed.body.length, 70_003);
      assert.deepEqual(streamed.body.slice(69_998), [7, 7, 1, 2, 3]);

      const get = await fetch(`${served.url}/echo`).then((response) => response.json());
      assert.equal(get.method, "GET");
      assert.deepEqual(get.body, []);
    } finally {
      await served.close();
    }
  },
);
