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
    messages: {
      path: "/messages",
      // a conversation, and a search that keeps it in the list however many there are
      getHref: (open?: { conversationId: string; search?: string | null }) =>
        open
          ? `/messages?${new URLSearchParams({
            conversation: open.conversationId,
            ...(open.search ? { q: open.search } : {}),
          })}`
          : "/messages",
    },
    comments: {
      path: "/comments",
      // a post, or a comment whose post the page finds (a private reply links to its comment)
      getHref: (open?: { postId?: string; commentId?: string }) => {
        const query = new URLSearchParams({
          ...(open?.postId ? { post: open.postId } : {}),
          ...(open?.commentId ? { comment: open.commentId } : {}),
        });
        return query.size ? `/comments?${query}` : "/comments";
      },
    },
    home: { path: "/home", getHref: () => "/home" },
    insights: { path: "/home/insights", getHref: () => "/home/insights" },
    leads: { path: "/leads", getHref: () => "/leads" },
    publishing: { path: "/publishing", getHref: () => "/publishing" },
    settings: { path: "/settings", getHref: () => "/settings" },
    settingsMembers: { path: "/settings/members", getHref: () => "/settings/members" },
    settingsPlan: { path: "/settings/plan", getHref: () => "/settings/plan" },
    settingsAutomation: { path: "/settings/automation", getHref: () => "/settings/automation" },
    settingsTemplates: { path: "/settings/templates", getHref: () => "/settings/templates" },
    settingsAi: { path: "/settings/ai", getHref: () => "/settings/ai" },
    settingsHealth: { path: "/settings/health", getHref: () => "/settings/health" },
  },
  invite: { path: "/invite/:token", getHref: (token: string) => `/invite/${token}` },
} as const;

function withRedirect(path: string, redirectTo?: string | null): string {
  return redirectTo ? `${path}?redirectTo=${encodeURIComponent(redirectTo)}` : path;
}
