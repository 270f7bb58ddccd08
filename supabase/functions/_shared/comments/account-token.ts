import { asService } from "../db.ts";
import { HttpError } from "../http.ts";
import { tokenCipher } from "../token-cipher.ts";

/**
 * The account's login path and token, to call Meta on its behalf (service role: members cannot
 * read tokens). A disconnected or expired account is a 409 naming why, not a call that fails.
 */
export async function accountToken(accountId: string) {
  const [account] = await asService((tx) =>
    tx<
      {
        auth_path: "instagram_login" | "facebook_login";
        status: string;
        access_token_encrypted: string | null;
      }[]
    >`
      select auth_path, status::text, access_token_encrypted from public.channel_accounts
      where id = ${accountId}`
  );
  if (!account?.access_token_encrypted || account.status !== "connected") {
    throw new HttpError(
      409,
      "account_not_connected",
      "This Instagram account is not connected; reconnect it in Settings",
    );
  }
  const token = await (await tokenCipher()).decrypt(account.access_token_encrypted);
  return { auth_path: account.auth_path, token };
}
