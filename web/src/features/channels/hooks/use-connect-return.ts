import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { useCompleteInstagramConnect } from "@/features/channels/api/complete-instagram-connect.ts";
import { connectErrorMessage } from "@/features/channels/utils/connect-errors.ts";
import {
  CONNECT_RETURN_PARAMS,
  type ConnectReturn,
  parseConnectLanding,
} from "@/features/channels/utils/connect-return.ts";

/**
 * Reads what instagram-oauth-callback put in the URL on the way back from Meta and strips it
 * (replacing the history entry), so a reload or a shared link does not act twice. A parked
 * consent is confirmed here, once, by the signed-in person: the server completes it only for
 * the session that started the connect.
 */
export function useConnectReturn(imoId: string) {
  const [searchParams, setSearchParams] = useSearchParams();
  // Read once, on landing: the callback's redirect is a full page load. The result belongs to
  // the workspace current at that moment, so switching away hides it.
  const [landing] = useState(() => ({ imoId, parsed: parseConnectLanding(searchParams) }));
  const [dismissed, setDismissed] = useState(false);
  const completion = useCompleteInstagramConnect();
  const { mutate: complete } = completion;
  const hasReturnParams = CONNECT_RETURN_PARAMS.some((name) => searchParams.has(name));
  // the id is single-use: a second call (StrictMode's effect replay) would only be refused
  const completedId = useRef<string | null>(null);

  useEffect(() => {
    if (!hasReturnParams) return;
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      for (const name of CONNECT_RETURN_PARAMS) next.delete(name);
      return next;
    }, { replace: true });
  }, [hasReturnParams, setSearchParams]);

  const connectionId = landing.parsed?.kind === "confirm" ? landing.parsed.connectionId : null;
  useEffect(() => {
    if (!connectionId || completedId.current === connectionId) return;
    completedId.current = connectionId;
    complete({ connection_id: connectionId });
  }, [connectionId, complete]);

  let connectReturn: ConnectReturn | null = null;
  if (landing.parsed?.kind === "ended") {
    connectReturn = landing.parsed.connectReturn;
  } else if (landing.parsed?.kind === "confirm") {
    if (completion.data) {
      const { outcome, reason, result } = completion.data;
      connectReturn = { outcome, reason, result };
    } else if (completion.error) {
      connectReturn = { outcome: "failed", reason: connectErrorMessage(completion.error) };
    } else {
      connectReturn = { outcome: "confirming" };
    }
  }

  const visible = !dismissed && landing.imoId === imoId;
  return {
    connectReturn: visible ? connectReturn : null,
    dismiss: () => setDismissed(true),
  };
}
