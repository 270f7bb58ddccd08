import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  connectedAccountsQuerySchema,
  type ConnectedAccountsResponse,
  connectedAccountsResponseSchema,
} from "@dm-desk/shared/contracts/connected-accounts";
import type { z } from "zod";
import { channelKeys } from "@/features/channels/api/keys.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

export const getConnectedAccountsInputSchema = connectedAccountsQuerySchema;
export type GetConnectedAccountsInput = z.infer<typeof getConnectedAccountsInputSchema>;
export type ConnectedAccount = ConnectedAccountsResponse["accounts"][number];

export async function getConnectedAccounts(
  input: GetConnectedAccountsInput,
): Promise<ConnectedAccount[]> {
  const { imo_id } = parseInput(getConnectedAccountsInputSchema, input);
  const { accounts } = await invokeFunction(
    withQuery("connected-accounts", { imo_id }),
    connectedAccountsResponseSchema,
    { method: "GET" },
  );
  return accounts;
}

export function getConnectedAccountsQueryOptions(imoId: string) {
  return queryOptions({
    queryKey: channelKeys.accounts(imoId),
    queryFn: () => getConnectedAccounts({ imo_id: imoId }),
  });
}

export function useConnectedAccounts(imoId: string) {
  return useQuery(getConnectedAccountsQueryOptions(imoId));
}
