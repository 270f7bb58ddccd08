// The local AT Protocol network: PLC, PDS and the AppView of @atproto/dev-env (plus the Ozone
// moderation service it always brings), in one Node process. Node, not Deno: the PDS stores its
// repos in better-sqlite3, a native addon Deno cannot load (docs/bluesky.md §2).
//
// Started by scripts/bluesky-network/start-network.ts, which hands it a Postgres URL for the
// AppView in DB_POSTGRES_URL and a private TMPDIR (the PDS writes its sqlite files and blobs there
// and never deletes them). It prints one JSON line with the URLs once the network answers, then:
//   POST /process-all   waits until the AppView has indexed every write so far (tests call it
//                       after a write instead of polling for the index)
//   GET  /              the same URLs as the ready line
// SIGTERM or SIGINT closes the network.
import { createServer } from "node:http";
import { TestNetwork } from "@atproto/dev-env";

const schema = process.env.BLUESKY_NETWORK_SCHEMA ?? "dmdesk";
const port = (name) => Number(process.env[name] ?? 0) || undefined;
const controlPort = port("BLUESKY_NETWORK_CONTROL_PORT") ?? 0;
const appviewPort = port("BLUESKY_APPVIEW_PORT");

const network = await TestNetwork.create({
  dbPostgresUrl: process.env.DB_POSTGRES_URL,
  // letters and underscores only: the AppView's schema is "appview_<schema>"
  dbPostgresSchema: schema,
  // a key with `undefined` would override dev-env's own choice of port: set only those given
  plc: port("BLUESKY_PLC_PORT") ? { port: port("BLUESKY_PLC_PORT") } : {},
  pds: port("BLUESKY_PDS_PORT") ? { port: port("BLUESKY_PDS_PORT") } : {},
  // image links in posts point at the AppView's own image proxy, so the inbox can show them
  bsky: appviewPort ? { port: appviewPort, publicUrl: `http://localhost:${appviewPort}` } : {},
});

const info = {
  plc: network.plc.url,
  pds: network.pds.url,
  appview: network.bsky.url,
  appviewDid: network.bsky.ctx.cfg.serverDid,
};

const control = createServer((request, response) => {
  const answer = (status, body) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  if (request.method === "POST" && request.url === "/process-all") {
    network.processAll().then(
      () => answer(200, { ok: true }),
      (error) => answer(500, { error: String(error?.message ?? error) }),
    );
  } else if (request.method === "GET" && request.url === "/") {
    answer(200, info);
  } else {
    answer(404, { error: "not found" });
  }
});
await new Promise((resolve) => control.listen(controlPort, "127.0.0.1", resolve));
console.log(JSON.stringify({ ready: true, ...info }));

let closing = false;
async function close() {
  if (closing) return;
  closing = true;
  control.close();
  await network.close().catch((error) => console.error(`closing the network: ${error}`));
  process.exit(0);
}
process.on("SIGTERM", close);
process.on("SIGINT", close);

// A parent killed outright (SIGKILL) cannot stop us: once it is gone, we go too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) close();
}, 2000).unref();
