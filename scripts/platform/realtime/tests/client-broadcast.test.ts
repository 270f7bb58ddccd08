/**
 * Broadcasts that clients send, through the socket and the HTTP API: between protocol versions
 * (a vsn 2.0.0 client sends binary frames, a vsn 1.0.0 one JSON), with `self` and `ack` as each
 * channel asked, binary payloads only to those who can read them, and `send()` before a join
 * falling back to the batch API.
 */
import assert from "node:assert/strict";
import { eventually } from "../../../testing/eventually.ts";
import { collect, joined, realtimeClient, sleep, testOptions } from "./clients.ts";

Deno.test(
  "a vsn 1.0.0 and a vsn 2.0.0 client hear each other, with self and ack as configured",
  testOptions,
  async () => {
    const [v1, v2] = await Promise.all([realtimeClient("1.0.0"), realtimeClient("2.0.0")]);
    const topic = `room-${crypto.randomUUID()}`;
    try {
      const quiet = v1.channel(topic, { config: { broadcast: { self: false, ack: true } } });
      const echoing = v2.channel(topic, { config: { broadcast: { self: true, ack: false } } });
      const heardByV1 = collect(quiet);
      const heardByV2 = collect(echoing);
      await joined(quiet);
      await joined(echoing);

      assert.equal(
        await quiet.send({ type: "broadcast", event: "from-v1", payload: { n: 1 } }),
        "ok",
      );
      assert.equal(
        await echoing.send({ type: "broadcast", event: "from-v2", payload: { n: 2 } }),
        "ok",
      );
      await eventually(() => heardByV2.length === 2 && heardByV1.length === 1, "both broadcasts");
      await sleep(200);
      const seen = (received: ReturnType<typeof collect>) =>
        received.map(({ event, payload }) => ({ event, payload }));
      assert.deepEqual(seen(heardByV1), [{ event: "from-v2", payload: { n: 2 } }]);
      assert.deepEqual(seen(heardByV2), [
        { event: "from-v1", payload: { n: 1 } },
        { event: "from-v2", payload: { n: 2 } },
      ]);
    } finally {
      await v1.removeAllChannels();
      await v2.removeAllChannels();
    }
  },
);

Deno.test(
  "HTTP broadcasts: binary reaches vsn 2.0.0 only, and send() before a join goes by the batch API",
  testOptions,
  async () => {
    const clients = await Promise.all([
      realtimeClient("1.0.0"),
      realtimeClient("2.0.0"),
      realtimeClient("2.0.0"),
    ]);
    const topic = `room-${crypto.randomUUID()}`;
    try {
      const [v1Heard, v2Heard] = await Promise.all(
        clients.slice(0, 2).map(async (client) => {
          const channel = client.channel(topic);
          const heard = collect(channel);
          await joined(channel);
          return heard;
        }),
      );
      const sender = clients[2]!.channel(topic);

      assert.deepEqual(await sender.httpSend("bytes", new Uint8Array([7, 8, 9])), {
        success: true,
      });
      await eventually(() => v2Heard.length === 1, "the binary broadcast on vsn 2.0.0");
      assert.deepEqual(
        new Uint8Array(v2Heard[0]!.payload as unknown as ArrayBuffer),
        new Uint8Array([7, 8, 9]),
      );

      // not joined: realtime-js posts to /api/broadcast and reports the answer
      assert.equal(
        await sender.send({ type: "broadcast", event: "rest", payload: { a: 1 } }),
        "ok",
      );
      await eventually(() => v1Heard.length === 1 && v2Heard.length === 2, "the batch broadcast");
      assert.deepEqual([v1Heard[0]!.event, v1Heard[0]!.payload], ["rest", { a: 1 }]);
      assert.deepEqual([v2Heard[1]!.event, v2Heard[1]!.payload], ["rest", { a: 1 }]);
    } finally {
      await Promise.all(clients.map((client) => client.removeAllChannels()));
    }
  },
);
