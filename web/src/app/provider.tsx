import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Toaster } from "sonner";
import { AuthProvider } from "@/features/auth/components/auth-provider.tsx";
import { queryConfig } from "@/lib/react-query.ts";

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient(queryConfig));

  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>{children}</AuthProvider>
      {/* Outcomes of actions (an invitation revoked, a role changed) are announced here. */}
      <Toaster position="top-center" closeButton />
    </QueryClientProvider>
  );
}
