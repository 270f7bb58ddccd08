import { tokenCipher } from "../../supabase/functions/_shared/token-cipher.ts";
import { createSandboxAccount, type SandboxAccount } from "./meta-sandbox-client.ts";
import type { Workspace } from "./workspace.ts";

/**
 * A sandbox Instagram account connected to the workspace without the OAuth dance: the row the
 * callback would write (every id Meta gives, the token encrypted). For tests of what comes after.
 */
export async function connectSandboxAccount(
  workspace: Workspace,
  input: { loginPath?: "instagram_login" | "facebook_login"; humanAgent?: boolean } = {},
): Promise<SandboxAccount & { accountId: string }> {
  const loginPath = input.loginPath ?? "instagram_login";
  const account = await createSandboxAccount({
    username: `inbox.${crypto.randomUUID().slice(0, 8)}`,
    loginPath,
    withPage: loginPath === "facebook_login",
    humanAgent: input.humanAgent,
  });
  const cipher = await tokenCipher();
  const [row] = await workspace.sql<{ id: string }[]>`
    insert into public.channel_accounts (imo_id, platform, auth_path, external_account_id, external_ids, facebook_page_id,
      username, access_token_encrypted, token_key_id, token_expires_at, token_issued_at, scopes)
    values (${workspace.imoId}, 'instagram', ${loginPath}, ${account.igAccountId},
      ${[account.meId, account.tokenUserId]}, ${account.pageId ?? null}, 'inbox.account',
      ${await cipher.encrypt(account.accessToken)}, ${cipher.activeKeyId},
      ${loginPath === "instagram_login" ? new Date(Date.now() + 60 * 86_400_000) : null}, now(),
      ${
    loginPath === "instagram_login"
      ? ["instagram_business_basic", "instagram_business_manage_messages"]
      : ["instagram_basic", "instagram_manage_messages"]
  })
    returning id`;
  return { ...account, accountId: row!.id };
}
