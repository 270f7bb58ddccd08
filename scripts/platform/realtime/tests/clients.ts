/**
 * supabase-js clients for Realtime tests: one per protocol version, holding a token the test
 * controls (supabase-js's `accessToken` option, which Realtime asks on connect and on every
 * heartbeat), and helpers that wait for what a channel reports.
 */
import { createClient, type RealtimeChannel, type SupabaseClient } from "@supabase/supabase-js";
import { platformEnv } from "../../../testing/platform-env.ts";
import type { Vsn } from "../frames.ts";

export const testOptions = { sanitizeResources: false, sanitizeOps: false };

export interface TokenHolder {
  token: string | null;
}

/**
 * A client on `vsn` whose Realtime uses `holder.token` (null: the anon key, as a signed-out
 * browser). Heartbeats every 500 ms unless told otherwise, so a changed token reaches the server
 * within a second (realtime-js drops a socket whose heartbeat is not answered by the next one).
 * supabase-js hands the first token to Realtime asynchronously, and a channel subscribed before
 * that joins without it: the client waits for it, as an app should.
 */
export async function realtimeClient(
  vsn: Vsn,
  holder: TokenHolder = { token: null },
  heartbeatIntervalMs = 500,
): Promise<SupabaseClient> {
  const { url, anonKey } = platformEnv();
  const client = createClient(url, anonKey, {
    accessToken: () => Promise.resolve(holder.token),
    realtime: { vsn, heartbeatIntervalMs, timeout: 3000 },
  });
  await client.realtime.setAuth();
  return client;
}

export type Outcome = { status: string; error?: Error };

/** Subscribes and resolves with the first decisive status (SUBSCRIBED, CHANNEL_ERROR, ...). */
export function subscribe(channel: RealtimeChannel): Promise<Outcome> {
  return new Promise((resolve) => {
    channel.subscribe((status, error) => resolve({ status, error }));
  });
}

/** Subscribes and fails the test with the server's reason unless the channel joins. */
export async function joined(channel: RealtimeChannel): Promise<void> {
  const { status, error } = await subscribe(channel);
  if (status !== "SUBSCRIBED") {
    throw new Error(`${channel.topic}: ${status} ${error?.message ?? ""}`, { cause: error });
  }
}

/** What realtime.broadcast_changes sends, or whatever else a test broadcasts. */
export interface ChangePayload {
  id?: string;
  schema?: string;
  table?: string;
  operation?: string;
  record?: Record<string, unknown> | null;
  old_record?: Record<string, unknown> | null;
  [key: string]: unknown;
}

export interface Received {
  event: string;
  payload: ChangePayload;
  meta?: { id: string };
  at: number;
}

/** Every broadcast the channel receives, in order, with the time it arrived. */
export function collect(channel: RealtimeChannel, event = "*"): Received[] {
  const received: Received[] = [];
  channel.on("broadcast", { event }, (message) => {
    received.push({
      event: message.event,
      payload: message.payload,
      meta: message.meta,
      at: performance.now(),
    });
  });
  return received;
}

/** Every `system` message the channel receives. */
export function systemMessages(channel: RealtimeChannel): Record<string, string>[] {
  const messages: Record<string, string>[] = [];
  channel.on("system", {}, (payload) => messages.push(payload));
  return messages;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
