export const automationKeys = {
  all: ["automation"] as const,
  imo: (imoId: string) => [...automationKeys.all, imoId] as const,
  reminderSettings: (imoId: string) => [...automationKeys.imo(imoId), "reminder-settings"] as const,
};
