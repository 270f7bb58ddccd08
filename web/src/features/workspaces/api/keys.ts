export const workspaceKeys = {
  all: ["workspaces"] as const,
  mine: () => [...workspaceKeys.all, "mine"] as const,
  invitation: (token: string) => [...workspaceKeys.all, "invitation", token] as const,
};
