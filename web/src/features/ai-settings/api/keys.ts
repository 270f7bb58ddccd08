export const aiSettingsKeys = {
  all: ["ai-settings"] as const,
  detail: (imoId: string) => [...aiSettingsKeys.all, imoId] as const,
};
