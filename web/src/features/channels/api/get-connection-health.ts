import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  connectionHealthQuerySchema,
  type ConnectionHealthResponse,
  connectionHealthResponseSchema,
} from "@dm-desk/shared/contracts/insights";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

export type AccountConnectionHealth = ConnectionHealthResponse["accounts"][number];

export const connectionHealthKeys = {
  all: ["connection-health"] as const,
  imo: (imoId: string) => [...connectionHealthKeys.all, imoId] as const,
};

/** The connection-health console: each account's state and its problems with their fixes. */
export async function getConnectionHealth(
  input: { imo_id: string },
): Promise<AccountConnectionHealth[]> {
  const { imo_id } = parseInput(connectionHealthQuerySchema, input);
  const { accounts } = await invokeFunction(
    withQuery("insights/connection-health", { imo_id }),
    connectionHealthResponseSchema,
    { method: "GET" },
  );
  return accounts;
}

export function connectionHealthQueryOptions(imoId: string) {
  return queryOptions({
    queryKey: connectionHealthKeys.imo(imoId),
    queryFn: () => getConnectionHealth({ imo_id: imoId }),
  });
}

export function useConnectionHealth(imoId: string) {
  return useQuery(connectionHealthQueryOptions(imoId));
}
