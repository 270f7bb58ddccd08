import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { createMemoryRouter, type RouteObject, RouterProvider } from "react-router";
import { Toaster } from "sonner";
import { appRoutes } from "@/app/router.tsx";
import { AuthProvider } from "@/features/auth/components/auth-provider.tsx";

function createTestQueryClient() {
  // Retries would turn every "server error" test into a multi-second wait.
  return new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
}

// Renders a single component inside a router and a fresh query client.
export function renderWithProviders(ui: ReactNode, { path = "/" }: { path?: string } = {}) {
  const routes: RouteObject[] = [{ path: "*", element: ui }];
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return {
    user: userEvent.setup(),
    router,
    ...render(
      <QueryClientProvider client={createTestQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    ),
  };
}

// Renders the real route tree, guards included, at the given URL.
export function renderApp(path: string) {
  const router = createMemoryRouter(appRoutes, { initialEntries: [path] });
  return {
    user: userEvent.setup(),
    router,
    ...render(
      <QueryClientProvider client={createTestQueryClient()}>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
        <Toaster />
      </QueryClientProvider>,
    ),
  };
}
