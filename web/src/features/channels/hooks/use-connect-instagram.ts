import { useEffect } from "react";
import type { OAuthInitInput } from "@dm-desk/shared/contracts/instagram-connect";
import { paths } from "@/config/paths.ts";
import { useStartInstagramConnect } from "@/features/channels/api/start-instagram-connect.ts";
import { connectErrorMessage } from "@/features/channels/utils/connect-errors.ts";
import { goToExternalUrl } from "@/lib/external-navigation.ts";

export type ConnectAuthPath = NonNullable<OAuthInitInput["auth_path"]>;

/** Starts a connection and sends the browser to Meta's consent dialog. */
export function useConnectInstagram(imoId: string) {
  const mutation = useStartInstagramConnect({ onSuccess: ({ url }) => goToExternalUrl(url) });
  const { reset } = mutation;

  useEffect(() => {
    // Coming back with the browser's Back button restores this page from the bfcache with the
    // mutation still "successful"; without a reset the button would spin forever.
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) reset();
    };
    globalThis.addEventListener("pageshow", onPageShow);
    return () => globalThis.removeEventListener("pageshow", onPageShow);
  }, [reset]);

  return {
    connect: (authPath: ConnectAuthPath) =>
      mutation.mutate({
        imo_id: imoId,
        auth_path: authPath,
        return_to: paths.app.settings.getHref(),
      }),
    // Once the URL is in, the page is on its way to Meta: keep saying so until it unloads.
    pendingPath: mutation.isPending || mutation.isSuccess
      ? mutation.variables?.auth_path
      : undefined,
    errorMessage: mutation.error
      ? connectErrorMessage(mutation.error, "Couldn't start connecting")
      : undefined,
  };
}
