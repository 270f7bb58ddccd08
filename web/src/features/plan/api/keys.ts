export const planKeys = {
  all: ["plan"] as const,
  detail: (imoId: string) => [...planKeys.all, imoId] as const,
};
