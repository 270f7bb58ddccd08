import { blueskyConnectResponseSchema } from "../../shared/src/contracts/bluesky.ts";
import { blueskyEnv, type BlueskyUser, createBlueskyUser } from "./bluesky-network.ts";
import { callFunction, type Workspace } from "./workspace.ts";

/**
 * A fresh account on the local PDS connected to the workspace through bluesky-connect, as an admin
 * would connect it from Settings › Channels.
 */
export async function connectBlueskyAccount(
  workspace: Workspace,
  label = "acme",
  options: { privileged?: boolean } = {},
): Promise<BlueskyUser & { accountId: string }> {
  const user = await createBlueskyUser(label, options);
  const response = await callFunction(workspace, "bluesky-connect", {
    body: {
      imo_id: workspace.imoId,
      identifier: user.handle,
      app_password: user.appPassword,
      service_url: blueskyEnv().pdsUrl,
    },
  });
  if (response.status !== 200) {
    throw new Error(`bluesky-connect answered ${response.status}: ${await response.text()}`);
  }
  const body = blueskyConnectResponseSchema.parse(await response.json());
  return { ...user, accountId: body.account_id };
}

/** bluesky-poll for one account, as a member asking "check now". */
export async function pollNow(workspace: Workspace, accountId: string) {
  const response = await callFunction(workspace, "bluesky-poll", {
    body: { account_id: accountId },
  });
  if (response.status !== 200) {
    throw new Error(`bluesky-poll answered ${response.status}: ${await response.text()}`);
  }
  const body = await response.json() as {
    accounts: { posts: number; direct_messages: number; error: string | null }[];
  };
  return body.accounts[0]!;
}
