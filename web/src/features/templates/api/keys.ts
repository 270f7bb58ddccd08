// The IMO's message templates, one cache for every screen that lists them: the composer's menu,
// the schedule dialog, comment rules, the reminder and Settings › Templates. A create, an edit or a
// delete writes here, so each of them sees it at once.
export const templateKeys = {
  all: ["templates"] as const,
  list: (imoId: string) => [...templateKeys.all, imoId] as const,
};
