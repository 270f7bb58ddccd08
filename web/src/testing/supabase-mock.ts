import type { AuthChangeEvent, Session } from "@supabase/supabase-js";
import { vi } from "vitest";

// Stand-in for "@/lib/supabase.ts". Use it with
//   vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));
// The real client would try to reach GoTrue; the end-to-end suite covers that path.

type Listener = (event: AuthChangeEvent, session: Session | null) => void;

let currentSession: Session | null = null;
const listeners = new Set<Listener>();

export const auth = {
  signInWithPassword: vi.fn(),
  signUp: vi.fn(),
  signOut: vi.fn(),
  onAuthStateChange: vi.fn(),
};

// Edge functions: tests describe replies with `mockFunctions` (testing/function-mocks.ts).
export const functions = { invoke: vi.fn() };

type BroadcastListener = (message: { type: "broadcast"; event: string; payload: unknown }) => void;
type StatusListener = (status: string, error?: Error) => void;

/** A Realtime channel that never connects: tests play its broadcasts and status changes. */
export type MockChannel = {
  topic: string;
  options: unknown;
  /** delivers a broadcast to the listeners whose event filter matches */
  broadcast: (event: string, payload: unknown) => void;
  /** plays a subscribe status (SUBSCRIBED, CHANNEL_ERROR, TIMED_OUT, CLOSED) */
  setStatus: (status: string) => void;
  isRemoved: boolean;
};

export const channels: MockChannel[] = [];

function createChannel(topic: string, options?: unknown) {
  const listeners: { event: string; callback: BroadcastListener }[] = [];
  let onStatus: StatusListener | undefined;
  const mock: MockChannel = {
    topic,
    options,
    isRemoved: false,
    broadcast: (event, payload) => {
      for (const listener of listeners) {
        if (listener.event === "*" || listener.event === event) {
          listener.callback({ type: "broadcast", event, payload });
        }
      }
    },
    setStatus: (status) => onStatus?.(status),
  };
  const channel = {
    topic,
    on(_type: string, filter: { event: string }, callback: BroadcastListener) {
      listeners.push({ event: filter.event, callback });
      return channel;
    },
    subscribe(callback?: StatusListener) {
      onStatus = callback;
      return channel;
    },
    unsubscribe: () => Promise.resolve("ok"),
    mock,
  };
  channels.push(mock);
  return channel;
}

export const supabase = {
  auth,
  functions,
  channel: vi.fn(createChannel),
  removeChannel: vi.fn((channel: { mock?: MockChannel }) => {
    if (channel.mock) channel.mock.isRemoved = true;
    return Promise.resolve("ok");
  }),
};

// Mirrors supabase-js: subscribing delivers INITIAL_SESSION asynchronously.
function defaultOnAuthStateChange(listener: Listener) {
  listeners.add(listener);
  queueMicrotask(() => listener("INITIAL_SESSION", currentSession));
  return {
    data: {
      subscription: {
        id: "test",
        callback: listener,
        unsubscribe: () => listeners.delete(listener),
      },
    },
  };
}

export function setMockSession(session: Session | null) {
  currentSession = session;
}

export function emitAuthEvent(event: AuthChangeEvent, session: Session | null) {
  currentSession = session;
  for (const listener of listeners) listener(event, session);
}

export function resetSupabaseMock() {
  currentSession = null;
  listeners.clear();
  for (const fn of Object.values(auth)) fn.mockReset();
  auth.onAuthStateChange.mockImplementation(defaultOnAuthStateChange);
  functions.invoke.mockReset();
  channels.length = 0;
  // A test that forgot to describe a function gets a loud failure, not a hang.
  functions.invoke.mockImplementation((name: string) =>
    Promise.resolve({ data: null, error: new Error(`No mock reply for function ${name}`) })
  );
}

resetSupabaseMock();

export function fakeSession(email = "coach@example.com"): Session {
  return {
    access_token: "test-access-token",
    refresh_token: "test-refresh-token",
    expires_in: 3600,
    expires_at: Math.floor(Date.now() / 1000) + 3600,
    token_type: "bearer",
    user: {
      id: "00000000-0000-4000-8000-000000000001",
      email,
      aud: "authenticated",
      role: "authenticated",
      app_metadata: {},
      user_metadata: {},
      created_at: new Date(0).toISOString(),
    },
  };
}
