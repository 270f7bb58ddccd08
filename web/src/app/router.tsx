import { useState } from "react";
import { createBrowserRouter, Navigate, type RouteObject, RouterProvider } from "react-router";
import { NotFound, RouteError } from "@/components/errors/route-error.tsx";
import { FullPageSpinner } from "@/components/ui/full-page-spinner.tsx";
import { paths } from "@/config/paths.ts";
import { GuestRoute } from "@/features/auth/components/guest-route.tsx";
import { ProtectedRoute } from "@/features/auth/components/protected-route.tsx";

// Route modules are lazy so the auth screens don't ship the app shell and vice versa.
// Exported separately from the router so tests can mount them in a memory router.
export const appRoutes: RouteObject[] = [
  {
    path: paths.home.path,
    ErrorBoundary: RouteError,
    HydrateFallback: FullPageSpinner,
    children: [
      {
        Component: GuestRoute,
        children: [
          {
            path: paths.auth.signIn.path,
            lazy: async () => ({
              Component: (await import("./routes/auth/sign-in.tsx")).SignInRoute,
            }),
          },
          {
            path: paths.auth.signUp.path,
            lazy: async () => ({
              Component: (await import("./routes/auth/sign-up.tsx")).SignUpRoute,
            }),
          },
        ],
      },
      {
        Component: ProtectedRoute,
        children: [
          {
            lazy: async () => ({ Component: (await import("./routes/app/root.tsx")).AppRoot }),
            children: [
              { index: true, element: <Navigate to={paths.app.messages.getHref()} replace /> },
              {
                path: paths.app.messages.path,
                lazy: async () => ({
                  Component: (await import("./routes/app/messages.tsx")).MessagesRoute,
                }),
              },
              {
                path: paths.app.comments.path,
                lazy: async () => ({
                  Component: (await import("./routes/app/comments.tsx")).CommentsRoute,
                }),
              },
              {
                path: paths.app.publishing.path,
                lazy: async () => ({
                  Component: (await import("./routes/app/publishing.tsx")).PublishingRoute,
                }),
              },
              {
                path: paths.app.home.path,
                lazy: async () => ({
                  Component: (await import("./routes/app/home.tsx")).HomeRoute,
                }),
              },
              {
                path: paths.app.insights.path,
                lazy: async () => ({
                  Component: (await import("./routes/app/home-insights.tsx")).HomeInsightsRoute,
                }),
              },
              {
                path: paths.app.leads.path,
                lazy: async () => ({
                  Component: (await import("./routes/app/leads.tsx")).LeadsRoute,
                }),
              },
              {
                path: paths.app.settings.path,
                lazy: async () => ({
                  Component: (await import("./routes/app/settings.tsx")).SettingsRoute,
                }),
              },
              {
                path: paths.app.settingsMembers.path,
                lazy: async () => ({
                  Component: (await import("./routes/app/settings-members.tsx"))
                    .SettingsMembersRoute,
                }),
              },
              {
                path: paths.app.settingsTemplates.path,
                lazy: async () => ({
                  Component: (await import("./routes/app/settings-templates.tsx"))
                    .SettingsTemplatesRoute,
                }),
              },
              {
                path: paths.app.settingsAutomation.path,
                lazy: async () => ({
                  Component: (await import("./routes/app/settings-automation.tsx"))
                    .SettingsAutomationRoute,
                }),
              },
              {
                path: paths.app.settingsPlan.path,
                lazy: async () => ({
                  Component: (await import("./routes/app/settings-plan.tsx")).SettingsPlanRoute,
                }),
              },
              {
                path: paths.app.settingsHealth.path,
                lazy: async () => ({
                  Component: (await import("./routes/app/settings-health.tsx"))
                    .SettingsHealthRoute,
                }),
              },
              {
                path: paths.app.settingsAi.path,
                lazy: async () => ({
                  Component: (await import("./routes/app/settings-ai.tsx")).SettingsAiRoute,
                }),
              },
            ],
          },
          // Outside the app shell: an invitee may not belong to any workspace yet.
          {
            path: paths.invite.path,
            lazy: async () => ({ Component: (await import("./routes/invite.tsx")).InviteRoute }),
          },
        ],
      },
      { path: "*", Component: NotFound },
    ],
  },
];

export function AppRouter() {
  // Created on mount rather than at module scope so importing this file has no side effects.
  const [router] = useState(() => createBrowserRouter(appRoutes));
  return <RouterProvider router={router} />;
}
