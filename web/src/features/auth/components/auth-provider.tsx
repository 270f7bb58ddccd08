import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { SessionContext, useSessionSubscription } from "@/features/auth/hooks/use-session.ts";

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const state = useSessionSubscription((event) => {
    // Cached queries belong to the previous user; dropping them stops the next person who signs
    // in on this browser from briefly seeing someone else's inbox.
    if (event === "SIGNED_OUT") queryClient.clear();
  });

  return <SessionContext value={state}>{children}</SessionContext>;
}
