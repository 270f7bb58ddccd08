export const channelKeys = {
  all: ["channels"] as const,
  accounts: (imoId: string) => [...channelKeys.all, "accounts", imoId] as const,
};
