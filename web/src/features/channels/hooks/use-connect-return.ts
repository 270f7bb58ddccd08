import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { channelKeys } from "@/features/channels/api/keys.ts";
import {
  CONNECT_RETURN_PARAMS,
  parseConnectReturn,
} from "@/features/channels/utils/connect-return.ts";

/**
 * Reads what instagram-oauth-callback put in the URL on the way back from Meta, keeps it for the
 * banner, refreshes the account list and strips the parameters (replacing the history entry),
 * so a reload or a shared link does not announce the same connection twice.
 */
export function useConnectReturn(imoId: string) {
  const [searchParams, setSearchParams] = useSearchParams();
  const queryClient = useQueryClient();
  // Read once, on landing: the callback's redirect is a full page load. The result belongs to
  // the workspace current at that moment, so switching away hides it.
  const [landing] = useState(() => ({ imoId, connectReturn: parseConnectReturn(searchParams) }));
  const [dismissed, setDismissed] = useState(false);
  const hasReturnParams = CONNECT_RETURN_PARAMS.some((name) => searchParams.has(name));

  useEffect(() => {
    if (!hasReturnParams) return;
    // The callback wrote new rows after this tab last asked for the list.
    void queryClient.invalidateQueries({ queryKey: channelKeys.all });
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      for (const name of CONNECT_RETURN_PARAMS) next.delete(name);
      return next;
    }, { replace: true });
  }, [hasReturnParams, setSearchParams, queryClient]);

  const visible = !dismissed && landing.imoId === imoId;
  return {
    connectReturn: visible ? landing.connectReturn : null,
    dismiss: () => setDismissed(true),
  };
}
