/**
 * Tokens on a joined channel, as supabase/realtime RealtimeChannel treats them: an expired token
 * is refused at join; a channel whose token expires is ended with a `system` error and phx_close;
 * a refreshed token (the `access_token` event realtime-js sends from its heartbeat) keeps it
 * open, and one that may not read the topic ends it.
 */
import assert from "node:assert/strict";
import { eventually } from "../../../testing/eventually.ts";
import { addChannelAccount, addThread } from "../../../testing/inbox-fixture.ts";
import { resignedAccessToken } from "../../../testing/resigned-token.ts";
import { createWorkspace } from "../../../testing/workspace.ts";
import { VSNS } from "../frames.ts";
import {
  collect,
  realtimeClient,
  sleep,
  subscribe,
  systemMessages,
  testOptions,
  type TokenHolder,
} from "./clients.ts";

for (const vsn of VSNS) {
  Deno.test(`vsn ${vsn}: a join with an expired token is refused`, testOptions, async () => {
    const workspace = await createWorkspace({ label: "rt-expired" });
    const client = await realtimeClient(vsn, {
      token: await resignedAccessToken(workspace.accessToken, -10),
    });
    try {
      const outcome = await subscribe(
        client.channel(`imo:${workspace.imoId}`, { config: { private: true } }),
      );
      assert.equal(outcome.status, "CHANNEL_ERROR");
      assert.match(outcome.error!.message, /^InvalidJWTToken: Token has expired 1\d seconds ago$/);
    } finally {
      await client.removeAllChannels();
      await workspace.close();
    }
  });

  Deno.test(
    `vsn ${vsn}: a channel whose token expires is closed with Realtime's system message`,
    testOptions,
    async () => {
      const workspace = await createWorkspace({ label: "rt-expiring" });
      const client = await realtimeClient(vsn, {
        token: await resignedAccessToken(workspace.accessToken, 2),
      });
      try {
        const topic = `imo:${workspace.imoId}`;
        const channel = client.channel(topic, { config: { private: true } });
        const system = systemMessages(channel);
        const statuses: string[] = [];
        channel.subscribe((status) => statuses.push(status));
        await eventually(() => statuses.includes("SUBSCRIBED"), "the join");
        await eventually(() => statuses.includes("CLOSED"), "the channel closed", 5000);
        assert.deepEqual(system, [{
          extension: "system",
          status: "error",
          message: "Token has expired 0 seconds ago",
          channel: topic,
        }]);
      } finally {
        await client.removeAllChannels();
        await workspace.close();
      }
    },
  );

  Deno.test(
    `vsn ${vsn}: a refreshed token keeps the channel, a token of another IMO's member ends it`,
    testOptions,
    async () => {
      const workspace = await createWorkspace({ label: "rt-refresh" });
      const stranger = await createWorkspace({ label: "rt-refresh-stranger" });
      const holder: TokenHolder = { token: await resignedAccessToken(workspace.accessToken, 3) };
      const client = await realtimeClient(vsn, holder);
      try {
        const topic = `imo:${workspace.imoId}`;
        const channel = client.channel(topic, { config: { private: true } });
        const system = systemMessages(channel);
        const received = collect(channel);
        const statuses: string[] = [];
        channel.subscribe((status) => statuses.push(status));
        await eventually(() => statuses.includes("SUBSCRIBED"), "the join");

        // the next heartbeat hands the new token over; the first one's expiry passes unnoticed
        holder.token = await resignedAccessToken(workspace.accessToken, 3600);
        await sleep(4000);
        assert.deepEqual(system, []);
        assert.deepEqual(statuses, ["SUBSCRIBED"]);
        await addThread(workspace, await addChannelAccount(workspace), { username: "frank" });
        await eventually(() => received.length >= 3, "broadcasts after the refresh");

        holder.token = stranger.accessToken;
        await eventually(() => statuses.includes("CLOSED"), "the channel closed");
        assert.deepEqual(system, [{
          extension: "system",
          status: "error",
          message: `You do not have permissions to read from this Channel topic: ${topic}`,
          channel: topic,
        }]);
      } finally {
        await client.removeAllChannels();
        await workspace.close();
        await stranger.close();
      }
    },
  );
}
