import { ConnectReturnBanner } from "@/features/channels/components/connect-return-banner.tsx";
import { useConnectReturn } from "@/features/channels/hooks/use-connect-return.ts";

/** The banner shown on landing back from Meta's consent screen; renders nothing otherwise. */
export function ConnectReturnNotice({ imoId }: { imoId: string }) {
  const { connectReturn, dismiss } = useConnectReturn(imoId);
  if (!connectReturn) return null;
  return <ConnectReturnBanner connectReturn={connectReturn} onDismiss={dismiss} />;
}
