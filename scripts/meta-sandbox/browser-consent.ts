/**
 * What a browser does at Meta's consent dialog when this sandbox stands in for Meta: the decision
 * given as the consent page's query shortcut (`sandbox_decision`, plus `sandbox_account`), Meta's
 * redirect to our callback followed, and the callback's own redirect, where the SPA lands, read.
 * Tests (scripts/testing/oauth-browser.ts) and `npm start`'s Instagram demo (./demo.ts) share it.
 */

export interface SandboxConsent {
  decision: "approve" | "deny";
  /** whose consent: an Instagram account id, a Page id or a Facebook user id */
  account?: string;
}

/** Opens the dialog URL (Meta's, as instagram-oauth-init made it) and answers it. */
export async function consentAtSandboxDialog(dialogUrl: string | URL, consent: SandboxConsent) {
  const dialog = new URL(dialogUrl);
  dialog.searchParams.set("sandbox_decision", consent.decision);
  if (consent.account) dialog.searchParams.set("sandbox_account", consent.account);

  const answer = await fetch(dialog, { redirect: "manual" });
  await answer.body?.cancel();
  const callbackUrl = answer.headers.get("location");
  if (answer.status !== 302 || !callbackUrl) throw new Error(`consent answered ${answer.status}`);
  return { dialogUrl: dialog, ...await landFromCallback(callbackUrl) };
}

/** Follows Meta's redirect to our callback; the callback's own redirect is where the SPA lands. */
export async function landFromCallback(callbackUrl: string) {
  const callback = await fetch(callbackUrl, { redirect: "manual" });
  await callback.body?.cancel();
  const location = callback.headers.get("location");
  return {
    callbackUrl: new URL(callbackUrl),
    callback,
    landing: location ? new URL(location) : null,
  };
}
