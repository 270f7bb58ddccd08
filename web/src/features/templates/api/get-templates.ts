import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  templateListQuerySchema,
  templateListResponseSchema,
} from "@dm-desk/shared/contracts/message-templates";
import type { MessageTemplate } from "@dm-desk/shared/schemas/message-template";
import { templateKeys } from "@/features/templates/api/keys.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

/** The IMO's templates (plans with instagram_templates), by category then name. */
export async function getTemplates(imoId: string): Promise<MessageTemplate[]> {
  const { imo_id } = parseInput(templateListQuerySchema, { imo_id: imoId });
  const { templates } = await invokeFunction(
    withQuery("message-templates", { imo_id }),
    templateListResponseSchema,
    { method: "GET" },
  );
  return templates;
}

export function templatesQueryOptions(imoId: string, isEnabled: boolean) {
  return queryOptions({
    queryKey: templateKeys.list(imoId),
    queryFn: () => getTemplates(imoId),
    enabled: Boolean(imoId) && isEnabled,
    staleTime: 5 * 60_000,
  });
}

export function useTemplates(imoId: string, isEnabled: boolean) {
  return useQuery(templatesQueryOptions(imoId, isEnabled));
}
