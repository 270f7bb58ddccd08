export const paths = {
  home: { path: "/", getHref: () => "/" },
  auth: {
    signIn: {
      path: "/sign-in",
      getHref: (redirectTo?: string | null) => withRedirect("/sign-in", redirectTo),
    },
    signUp: {
      path: "/sign-up",
      getHref: (redirectTo?: string | null) => withRedirect("/sign-up", redirectTo),
    },
  },
  app: {
    messages: { path: "/messages", getHref: () => "/messages" },
    leads: { path: "/leads", getHref: () => "/leads" },
    settings: { path: "/settings", getHref: () => "/settings" },
    settingsMembers: { path: "/settings/members", getHref: () => "/settings/members" },
    settingsPlan: { path: "/settings/plan", getHref: () => "/settings/plan" },
  },
  invite: { path: "/invite/:token", getHref: (token: string) => `/invite/${token}` },
} as const;

function withRedirect(path: string, redirectTo?: string | null): string {
  return redirectTo ? `${path}?redirectTo=${encodeURIComponent(redirectTo)}` : path;
}
