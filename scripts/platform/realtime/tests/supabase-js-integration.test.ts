// deno-fmt-ignore-file -- the block from supabase-js keeps its own formatting, to diff it with theirs
// deno-lint-ignore-file no-explicit-any
/**
 * supabase-js's own Realtime conformance: the "Realtime with vsn" block of
 * packages/core/supabase-js/test/integration.test.ts in supabase/supabase-js (commit 381bded5,
 * 2026-08-07; written for `supabase start`), pasted unchanged below and run against the local
 * platform through a Jest shim. The constants it expects are this platform's, and the policies on
 * realtime.messages it assumes (their supabase/migrations/20250423000000_realtime_rls_setup.sql)
 * are created for this file's tests and dropped after them: they are for tests only, no
 * migration of ours may let any signed-in user into every topic named like "channel".
 */
import type { RealtimeChannel, SupabaseClient } from "@supabase/supabase-js";
import { createClient } from "@supabase/supabase-js";
import postgres from "postgres";
import { platformEnv } from "../../../testing/platform-env.ts";
import { afterEach, beforeEach, describe, expect, test } from "./jest-shim.ts";

const SUPABASE_URL = platformEnv().url;
const PUBLISHABLE_KEY = platformEnv().anonKey;
// Deno has WebSocket: the original loads `ws` only on Node.js before 22
const wsTransport: any = undefined;

const POLICIES = [
  `create policy "authenticated can read all messages on topic"
   on "realtime"."messages" for select to authenticated
   using ( realtime.topic() like '%channel%' )`,
  `create policy "authenticated can insert messages on topic"
   on "realtime"."messages" for insert to authenticated
   with check (realtime.topic() like '%channel%')`,
];

async function withDatabase(fn: (sql: postgres.Sql) => Promise<unknown>) {
  const sql = postgres(platformEnv().databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await fn(sql);
  } finally {
    await sql.end();
  }
}

const dropPolicies = (sql: postgres.Sql) =>
  sql.unsafe(`
    drop policy if exists "authenticated can read all messages on topic" on realtime.messages;
    drop policy if exists "authenticated can insert messages on topic" on realtime.messages;`);

Deno.test("setup: the realtime.messages policies supabase-js's tests assume", () =>
  withDatabase(async (sql) => {
    await dropPolicies(sql);
    for (const policy of POLICIES) await sql.unsafe(policy);
  })
);

describe('Supabase Integration Tests', () => {
// ---- supabase/supabase-js packages/core/supabase-js/test/integration.test.ts L332-608, unchanged
  describe.each([{ vsn: '1.0.0' }, { vsn: '2.0.0' }])('Realtime with vsn: $vsn', ({ vsn }) => {
    const channelName = `channel-${crypto.randomUUID()}`
    let channel: RealtimeChannel
    let email: string
    let password: string
    let supabase: SupabaseClient

    beforeEach(async () => {
      // Create client with specific version
      supabase = createClient(SUPABASE_URL, PUBLISHABLE_KEY, {
        realtime: {
          heartbeatIntervalMs: 500,
          vsn,
          ...(wsTransport && { transport: wsTransport }),
        },
      })

      await supabase.auth.signOut()
      email = `test-${Date.now()}@example.com`
      password = 'password123'
      await supabase.auth.signUp({ email, password })

      const config = { broadcast: { ack: true, self: true }, private: true }
      channel = supabase.channel(channelName, { config })
    })

    afterEach(async () => {
      await supabase.removeAllChannels()
    })

    test('is able to connect and broadcast', async () => {
      const testMessage = { message: 'test' }
      let receivedMessage: any
      let subscribed = false
      let attempts = 0

      channel
        .on('broadcast', { event: 'test-event' }, (payload) => (receivedMessage = payload))
        .subscribe((status) => {
          if (status == 'SUBSCRIBED') subscribed = true
        })

      // Wait for subscription
      while (!subscribed) {
        if (attempts > 50) throw new Error('Timeout waiting for subscription')
        await new Promise((resolve) => setTimeout(resolve, 100))
        attempts++
      }

      attempts = 0

      await channel.send({ type: 'broadcast', event: 'test-event', payload: testMessage })

      // Wait on message
      while (!receivedMessage) {
        if (attempts > 50) throw new Error('Timeout waiting for message')
        await new Promise((resolve) => setTimeout(resolve, 100))
        attempts++
      }
      expect(receivedMessage).toBeDefined()
      expect(supabase.realtime.getChannels().length).toBe(1)
    }, 10000)

    test('socket stays connected when switching channels (no race condition)', async () => {
      const config = { broadcast: { ack: true, self: true }, private: true }

      // Subscribe channel A and wait for it to be joined
      const channelA = supabase.channel(`${channelName}-a`, { config })
      await new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('Timeout waiting for channelA')), 8000)
        channelA.subscribe((status) => {
          if (status === 'SUBSCRIBED') {
            clearTimeout(timeout)
            resolve()
          }
        })
      })

      // Remove channel A — should NOT disconnect immediately
      await supabase.removeChannel(channelA)
      expect(supabase.realtime.isConnected()).toBe(true)

      // Immediately subscribe channel B — should reuse the open socket
      const channelB = supabase.channel(`${channelName}-b`, { config })
      let channelBSubscribed = false
      await new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('Timeout waiting for channelB')), 8000)
        channelB
          .on('broadcast', { event: 'ping' }, () => {})
          .subscribe((status) => {
            if (status === 'SUBSCRIBED') {
              channelBSubscribed = true
              clearTimeout(timeout)
              resolve()
            }
          })
      })

      expect(channelBSubscribed).toBe(true)
      // Socket was never disconnected — channelB joined on the existing connection
      expect(supabase.realtime.isConnected()).toBe(true)
    }, 20000)

    test('socket disconnects after removeChannel when no channels remain', async () => {
      await new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(
          () => reject(new Error('Timeout waiting for subscription')),
          8000
        )
        channel.subscribe((status) => {
          if (status === 'SUBSCRIBED') {
            clearTimeout(timeout)
            resolve()
          }
        })
      })

      expect(supabase.realtime.isConnected()).toBe(true)

      await supabase.removeChannel(channel)
      // Deferred disconnect is scheduled — socket still open
      expect(supabase.realtime.isConnected()).toBe(true)

      // Wait for deferred disconnect (2 * heartbeatIntervalMs = 1000 ms)
      await new Promise((resolve) => setTimeout(resolve, 1200))
      expect(supabase.realtime.isConnected()).toBe(false)
    }, 15000)

    test('socket disconnects after channel.unsubscribe() when no channels remain', async () => {
      await new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(
          () => reject(new Error('Timeout waiting for subscription')),
          8000
        )
        channel.subscribe((status) => {
          if (status === 'SUBSCRIBED') {
            clearTimeout(timeout)
            resolve()
          }
        })
      })

      expect(supabase.realtime.isConnected()).toBe(true)

      await channel.unsubscribe()
      // Deferred disconnect is scheduled — socket still open
      expect(supabase.realtime.isConnected()).toBe(true)

      // Wait for deferred disconnect (2 * heartbeatIntervalMs = 1000 ms)
      await new Promise((resolve) => setTimeout(resolve, 1200))
      expect(supabase.realtime.isConnected()).toBe(false)
    }, 15000)

    test('removeAllChannels disconnects socket immediately', async () => {
      const channelA = supabase.channel(`${channelName}-a`)
      const channelB = supabase.channel(`${channelName}-b`)

      await Promise.all([
        new Promise<void>((resolve, reject) => {
          const timeout = setTimeout(() => reject(new Error('Timeout waiting for channelA')), 8000)
          channelA.subscribe((status) => {
            if (status === 'SUBSCRIBED') {
              clearTimeout(timeout)
              resolve()
            }
          })
        }),
        new Promise<void>((resolve, reject) => {
          const timeout = setTimeout(() => reject(new Error('Timeout waiting for channelB')), 8000)
          channelB.subscribe((status) => {
            if (status === 'SUBSCRIBED') {
              clearTimeout(timeout)
              resolve()
            }
          })
        }),
      ])

      expect(supabase.realtime.isConnected()).toBe(true)

      await supabase.removeAllChannels()
      // removeAllChannels is an explicit teardown — no deferred timer, disconnect is immediate
      expect(supabase.realtime.isConnected()).toBe(false)
    }, 20000)

    test('httpSend delivers JSON broadcast to a public channel', async () => {
      const publicChannelName = `public-${crypto.randomUUID()}`
      const publicChannel = supabase.channel(publicChannelName, {
        config: { broadcast: { self: true } },
      })

      let received: any
      await new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('subscribe timeout')), 8000)
        publicChannel
          .on('broadcast', { event: 'json' }, (payload) => {
            received = payload
          })
          .subscribe((status) => {
            if (status === 'SUBSCRIBED') {
              clearTimeout(timeout)
              resolve()
            }
          })
      })

      const result = await publicChannel.httpSend('json', { hello: 'public' })
      expect(result).toEqual({ success: true })

      let attempts = 0
      while (!received) {
        if (attempts++ > 50) throw new Error('Timeout waiting for broadcast')
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(received.payload).toEqual({ hello: 'public' })
    }, 15000)

    test('httpSend delivers JSON broadcast to a private channel', async () => {
      let received: any
      await new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('subscribe timeout')), 8000)
        channel
          .on('broadcast', { event: 'json-private' }, (payload) => {
            received = payload
          })
          .subscribe((status) => {
            if (status === 'SUBSCRIBED') {
              clearTimeout(timeout)
              resolve()
            }
          })
      })

      const result = await channel.httpSend('json-private', { hello: 'private' })
      expect(result).toEqual({ success: true })

      let attempts = 0
      while (!received) {
        if (attempts++ > 50) throw new Error('Timeout waiting for broadcast')
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(received.payload).toEqual({ hello: 'private' })
    }, 15000)

    const binaryBroadcastTest = vsn === '2.0.0' ? test : test.skip
    binaryBroadcastTest(
      'httpSend delivers a binary broadcast to a private channel',
      async () => {
        let received: any
        await new Promise<void>((resolve, reject) => {
          const timeout = setTimeout(() => reject(new Error('subscribe timeout')), 8000)
          channel
            .on('broadcast', { event: 'binary' }, (payload) => {
              received = payload
            })
            .subscribe((status) => {
              if (status === 'SUBSCRIBED') {
                clearTimeout(timeout)
                resolve()
              }
            })
        })

        const bytes = new Uint8Array([1, 2, 3, 4, 5])
        const result = await channel.httpSend('binary', bytes)
        expect(result).toEqual({ success: true })

        let attempts = 0
        while (!received) {
          if (attempts++ > 50) throw new Error('Timeout waiting for broadcast')
          await new Promise((r) => setTimeout(r, 100))
        }
        expect(new Uint8Array(received.payload)).toEqual(bytes)
      },
      15000
    )
  })
// ---- end of the block from supabase-js
})

Deno.test("teardown: the test-only policies are dropped", () => withDatabase(dropPolicies));
