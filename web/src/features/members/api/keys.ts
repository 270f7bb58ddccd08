export const memberKeys = {
  all: ["members"] as const,
  list: (imoId: string) => [...memberKeys.all, imoId] as const,
};
