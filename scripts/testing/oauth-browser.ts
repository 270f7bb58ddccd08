import {
  type ConnectResult,
  oauthCompleteResponseSchema,
} from "../../shared/src/contracts/instagram-connect.ts";
import { consentAtSandboxDialog, landFromCallback } from "../meta-sandbox/browser-consent.ts";
import { callFunction, type Workspace } from "./workspace.ts";

export { landFromCallback };

/**
 * What a browser does in a connect: ask instagram-oauth-init for Meta's dialog URL, open it
 * (the sandbox's consent decision given as a query shortcut), follow Meta's redirect to our
 * callback, and land on the SPA URL the callback redirects to; then, as the SPA does, confirm
 * the parked consent (signed in as `completeAs`, by default the member who started).
 */
export async function connectThroughBrowser(
  workspace: Workspace,
  input: ConsentInput & { completeAs?: Pick<Workspace, "accessToken"> },
) {
  const consent = await consentThroughBrowser(workspace, input);
  return {
    ...consent,
    ...await finishOnLanding(input.completeAs ?? workspace, consent.landing),
  };
}

interface ConsentInput {
  authPath: "instagram_login" | "facebook_login";
  decision: "approve" | "deny";
  account?: string;
  /** where the callback sends the browser back to (default /settings/channels) */
  returnTo?: string;
}

/** The connect up to the SPA's landing URL, before the SPA confirms anything. */
export async function consentThroughBrowser(
  workspace: Pick<Workspace, "imoId" | "accessToken">,
  input: ConsentInput,
) {
  const init = await callFunction(workspace, "instagram-oauth-init", {
    body: {
      imo_id: workspace.imoId,
      auth_path: input.authPath,
      return_to: input.returnTo ?? "/settings/channels",
    },
  });
  if (init.status !== 200) {
    throw new Error(`oauth-init answered ${init.status}: ${await init.text()}`);
  }
  const { url: dialogUrl } = await init.json();
  return await consentAtSandboxDialog(dialogUrl, input);
}

/**
 * What the SPA makes of the landing URL: a parked consent (`connection=<id>`) is confirmed
 * through instagram-oauth-complete as `who`; a declined or failed one says so in the URL.
 */
export async function finishOnLanding(
  who: Pick<Workspace, "accessToken">,
  landing: URL | null,
): Promise<{
  outcome: string | null;
  reason: string | null;
  result?: ConnectResult;
  completion?: Response;
}> {
  const connectionId = landing?.searchParams.get("connection");
  if (!connectionId) {
    return {
      outcome: landing?.searchParams.get("connect") ?? null,
      reason: landing?.searchParams.get("reason") ?? null,
    };
  }
  const completion = await callFunction(who, "instagram-oauth-complete", {
    body: { connection_id: connectionId },
  });
  if (completion.status !== 200) return { outcome: null, reason: null, completion };
  const answer = oauthCompleteResponseSchema.parse(await completion.json());
  return {
    outcome: answer.outcome,
    reason: answer.reason ?? null,
    result: answer.result,
    completion,
  };
}
