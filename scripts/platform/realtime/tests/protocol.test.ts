/**
 * The Phoenix protocol of the local Realtime frame by frame, on both versions: heartbeats, join
 * replies in the order of their refs, the frame shapes of each version, leave, rejoin, unmatched
 * topics, the answers to Postgres Changes and Presence, and the handshake's token check.
 */
import assert from "node:assert/strict";
import { platformEnv } from "../../../testing/platform-env.ts";
import { resignedAccessToken } from "../../../testing/resigned-token.ts";
import { VSNS } from "../frames.ts";
import { testOptions } from "./clients.ts";
import { type Frame, RawSocket, socketUrl } from "./raw-socket.ts";

const reply = (ref: string) => (frame: Frame) => frame.event === "phx_reply" && frame.ref === ref;

for (const vsn of VSNS) {
  Deno.test(
    `vsn ${vsn}: a heartbeat is answered on the phoenix topic with its ref`,
    testOptions,
    async () => {
      const socket = await RawSocket.open(vsn);
      try {
        socket.send(null, "hb-1", "phoenix", "heartbeat");
        const answer = await socket.next(reply("hb-1"));
        assert.deepEqual(
          answer.raw,
          vsn === "2.0.0"
            ? [null, "hb-1", "phoenix", "phx_reply", { status: "ok", response: {} }]
            // vsn 1.0.0 frames carry topic, event, payload and ref only (no join_ref)
            : {
              topic: "phoenix",
              event: "phx_reply",
              payload: { status: "ok", response: {} },
              ref: "hb-1",
            },
        );
      } finally {
        socket.close();
      }
    },
  );

  Deno.test(
    `vsn ${vsn}: replies keep the order of their refs, a slow join included`,
    testOptions,
    async () => {
      const socket = await RawSocket.open(vsn);
      try {
        // the private join waits for the policy check in Postgres; what follows must wait for it
        const topic = `imo:${crypto.randomUUID()}`;
        socket.send("1", "1", `realtime:${topic}`, "phx_join", { config: { private: true } });
        socket.send("2", "2", "realtime:room-b", "phx_join", { config: {} });
        socket.send(null, "3", "phoenix", "heartbeat");
        socket.send("4", "4", "realtime:room-c", "phx_join", { config: {} });
        await socket.next(reply("4"));
        const replies = socket.frames.filter((frame) => frame.event === "phx_reply");
        assert.deepEqual(replies.map((frame) => frame.ref), ["1", "2", "3", "4"]);
        assert.deepEqual(replies[0]!.payload, {
          status: "error",
          response: {
            reason:
              `Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`,
          },
        });
        assert.deepEqual(replies[1]!.payload, { status: "ok", response: { postgres_changes: [] } });
        if (vsn === "2.0.0") assert.equal(replies[1]!.joinRef, "2");
      } finally {
        socket.close();
      }
    },
  );

  Deno.test(
    `vsn ${vsn}: leave, rejoin and messages to a topic not joined`,
    testOptions,
    async () => {
      const socket = await RawSocket.open(vsn);
      try {
        socket.send(null, "5", "realtime:nowhere", "broadcast", { type: "broadcast", event: "x" });
        const unmatched = await socket.next(reply("5"));
        assert.deepEqual(unmatched.payload, {
          status: "error",
          response: { reason: "unmatched topic" },
        });

        socket.send("j1", "j1", "realtime:room", "phx_join", { config: {} });
        await socket.next(reply("j1"));
        // a second join of the same topic closes the first (phx_close on its join ref), then joins
        const mark = socket.frames.length;
        socket.send("j2", "j2", "realtime:room", "phx_join", { config: {} });
        await socket.next(reply("j2"), 3000, mark);
        assert.deepEqual(
          socket.frames.slice(mark).map((frame) => [frame.event, frame.ref]),
          [["phx_close", "j1"], ["phx_reply", "j2"]],
        );

        // leaving: ok, then phx_close on the join ref, as Phoenix answers phx_leave
        const leaving = socket.frames.length;
        socket.send("j2", "l1", "realtime:room", "phx_leave");
        await socket.next((frame) => frame.event === "phx_close", 3000, leaving);
        assert.deepEqual(
          socket.frames.slice(leaving).map((frame) => [frame.event, frame.ref, frame.payload]),
          [["phx_reply", "l1", { status: "ok", response: {} }], ["phx_close", "j2", {}]],
        );
        socket.send("j2", "l2", "realtime:room", "phx_leave");
        assert.deepEqual((await socket.next(reply("l2"))).payload, { status: "ok", response: {} });
      } finally {
        socket.close();
      }
    },
  );

  Deno.test(
    `vsn ${vsn}: Postgres Changes get their ids and a clear error, Presence is refused`,
    testOptions,
    async () => {
      const socket = await RawSocket.open(vsn);
      try {
        const changes = [{ event: "*", schema: "public", table: "messages" }];
        socket.send("1", "1", "realtime:changes", "phx_join", {
          config: { postgres_changes: changes, presence: { enabled: true } },
        });
        const joined = await socket.next(reply("1"));
        const response = (joined.payload as { response: { postgres_changes: { id: number }[] } })
          .response;
        assert.deepEqual(response.postgres_changes.map(({ id: _, ...rest }) => rest), changes);
        assert.equal(typeof response.postgres_changes[0]!.id, "number");
        const system = await socket.next((frame) => frame.event === "system");
        assert.equal(system.payload.extension, "postgres_changes");
        assert.equal(system.payload.status, "error");
        assert.equal(system.payload.channel, "changes");
        assert.match(String(system.payload.message), /does not deliver Postgres Changes/);
        await socket.next((frame) => frame.event === "presence_state");

        socket.send("1", "2", "realtime:changes", "presence", { type: "presence", event: "track" });
        assert.equal((await socket.next(reply("2"))).payload.status, "error");
      } finally {
        socket.close();
      }
    },
  );
}

Deno.test(
  "the handshake refuses a missing, expired or malformed API key as Realtime does",
  testOptions,
  async () => {
    const { anonKey } = platformEnv();
    const handshake = async (url: string) => {
      const response = await fetch(url.replace(/^ws/, "http"), {
        headers: {
          upgrade: "websocket",
          connection: "Upgrade",
          "sec-websocket-version": "13",
          "sec-websocket-key": btoa("0123456789abcdef"),
        },
      });
      return { status: response.status, body: await response.json() };
    };
    const noKey = socketUrl("2.0.0").replace(/apikey=[^&]*&/, "");
    assert.deepEqual(await handshake(noKey), {
      status: 401,
      body: { error: "API key is missing" },
    });
    const expired = await resignedAccessToken(anonKey, -5);
    assert.deepEqual(await handshake(socketUrl("2.0.0", expired)), {
      status: 401,
      body: { error: "Token has expired" },
    });
    assert.deepEqual(await handshake(socketUrl("2.0.0", "not-a-jwt")), {
      status: 401,
      body: { error: "The token provided is not a valid JWT" },
    });
  },
);
