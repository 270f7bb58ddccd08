import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  commandCenterQuerySchema,
  type CommandCenterResponse,
  commandCenterResponseSchema,
} from "@dm-desk/shared/contracts/insights";
import { commandCenterKeys } from "@/features/command-center/api/keys.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

/** The desk today and over 7 and 30 days, in the browser's time zone, every number from SQL. */
export async function getCommandCenter(
  input: { imo_id: string; tz: string },
): Promise<CommandCenterResponse> {
  const { imo_id, tz } = parseInput(commandCenterQuerySchema, input);
  return await invokeFunction(
    withQuery("insights/command-center", { imo_id, tz }),
    commandCenterResponseSchema,
    { method: "GET" },
  );
}

export function commandCenterQueryOptions(imoId: string, tz: string) {
  return queryOptions({
    queryKey: commandCenterKeys.stats(imoId, tz),
    queryFn: () => getCommandCenter({ imo_id: imoId, tz }),
    refetchInterval: 60_000,
  });
}

export function useCommandCenter(imoId: string, tz: string) {
  return useQuery(commandCenterQueryOptions(imoId, tz));
}
