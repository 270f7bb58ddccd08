import type { QueryClientConfig } from "@tanstack/react-query";

export const queryConfig: QueryClientConfig = {
  defaultOptions: {
    queries: {
      // Inbox data is pushed via realtime later; refetching on every tab focus would only
      // add load on the local gateway.
      refetchOnWindowFocus: false,
      retry: 1,
      staleTime: 30_000,
    },
  },
};
