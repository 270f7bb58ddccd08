import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  type AccountAiDefault,
  accountAiDefaultResponseSchema,
  type AiSettingsResponse,
  type SetAccountAiDefault,
  setAccountAiDefaultSchema,
} from "@dm-desk/shared/contracts/ai-assistant";
import { aiSettingsKeys } from "@/features/ai-settings/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

/** Sets a connected account's own default AI mode (null: the workspace's); owners and admins. */
export async function saveAccountAiDefault(
  accountId: string,
  change: SetAccountAiDefault,
): Promise<AccountAiDefault> {
  const body = parseInput(setAccountAiDefaultSchema, change);
  const { account } = await invokeFunction(
    `ai-assistant/accounts/${accountId}`,
    accountAiDefaultResponseSchema,
    { method: "PATCH", body },
  );
  return account;
}

export function useSaveAccountAiDefault(imoId: string) {
  const queryClient = useQueryClient();
  return useMutation<AccountAiDefault, AppError, { accountId: string } & SetAccountAiDefault>({
    mutationFn: ({ accountId, ...change }) => saveAccountAiDefault(accountId, change),
    onSuccess: (saved) => {
      queryClient.setQueryData<AiSettingsResponse>(
        aiSettingsKeys.detail(imoId),
        (current) =>
          current && {
            ...current,
            accounts: current.accounts.map((a) => a.id === saved.id ? saved : a),
          },
      );
      toast.success(`@${saved.username ?? "account"}: default mode saved`);
    },
    onError: (error) => toast.error(error.message),
  });
}
