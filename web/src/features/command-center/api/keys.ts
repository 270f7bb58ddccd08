export const commandCenterKeys = {
  all: ["command-center"] as const,
  stats: (imoId: string, tz: string) => [...commandCenterKeys.all, imoId, tz] as const,
};
