import type { AuthChangeEvent, Session } from "@supabase/supabase-js";
import { createContext, useContext, useEffect, useRef, useState } from "react";
import { supabase } from "@/lib/supabase.ts";

export type SessionState =
  | { status: "loading"; session: null }
  | { status: "authenticated"; session: Session }
  | { status: "anonymous"; session: null };

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession must be used inside <AuthProvider>");
  return state;
}

// Subscribes once (in AuthProvider) rather than per consumer: every subscription gets its own
// INITIAL_SESSION event, and many listeners would re-render the tree once per auth change each.
export function useSessionSubscription(
  onEvent?: (event: AuthChangeEvent) => void,
): SessionState {
  const [state, setState] = useState<SessionState>({ status: "loading", session: null });
  // Kept in a ref so a new callback identity doesn't tear down and re-create the subscription.
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  });

  useEffect(() => {
    // onAuthStateChange emits INITIAL_SESSION straight away, so no separate getSession() call
    // is needed. The callback must stay synchronous: awaiting supabase calls in it deadlocks
    // supabase-js's auth lock.
    const { data } = supabase.auth.onAuthStateChange((event, session) => {
      setState(
        session ? { status: "authenticated", session } : { status: "anonymous", session: null },
      );
      onEventRef.current?.(event);
    });
    return () => data.subscription.unsubscribe();
  }, []);

  return state;
}
