export const workspaceKeys = {
  all: ["workspaces"] as const,
  mine: () => [...workspaceKeys.all, "mine"] as const,
};
