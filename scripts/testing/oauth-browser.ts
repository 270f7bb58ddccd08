import { callFunction, type Workspace } from "./workspace.ts";

/**
 * What a browser does in a connect: ask instagram-oauth-init for Meta's dialog URL, open it
 * (the sandbox's consent decision given as a query shortcut), follow Meta's redirect to our
 * callback, and land on the SPA URL the callback redirects to.
 */
export async function connectThroughBrowser(
  workspace: Workspace,
  input: {
    authPath: "instagram_login" | "facebook_login";
    decision: "approve" | "deny";
    account?: string;
  },
) {
  const init = await callFunction(workspace, "instagram-oauth-init", {
    body: { imo_id: workspace.imoId, auth_path: input.authPath, return_to: "/settings/channels" },
  });
  if (init.status !== 200) {
    throw new Error(`oauth-init answered ${init.status}: ${await init.text()}`);
  }
  const { url: dialogUrl } = await init.json();
  const dialog = new URL(dialogUrl);
  dialog.searchParams.set("sandbox_decision", input.decision);
  if (input.account) dialog.searchParams.set("sandbox_account", input.account);

  const consent = await fetch(dialog, { redirect: "manual" });
  await consent.body?.cancel();
  const callbackUrl = consent.headers.get("location");
  if (consent.status !== 302 || !callbackUrl) throw new Error(`consent answered ${consent.status}`);
  const callback = await fetch(callbackUrl, { redirect: "manual" });
  const landing = callback.headers.get("location");
  return {
    dialogUrl: dialog,
    callbackUrl: new URL(callbackUrl),
    callback,
    landing: landing ? new URL(landing) : null,
  };
}
