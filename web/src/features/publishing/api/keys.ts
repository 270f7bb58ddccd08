// Everything of one IMO's publishing sits under ["publishing", imoId]: a publish, schedule or
// edit refreshes the list and the quota with one prefix.
export const publishingKeys = {
  all: ["publishing"] as const,
  imo: (imoId: string) => [...publishingKeys.all, imoId] as const,
  list: (imoId: string) => [...publishingKeys.imo(imoId), "posts"] as const,
  quota: (imoId: string, accountId: string) =>
    [...publishingKeys.imo(imoId), "quota", accountId] as const,
};
