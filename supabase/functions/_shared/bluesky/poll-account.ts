import type { BlueskyPollResponse } from "../../../../shared/src/contracts/bluesky.ts";
import { asService } from "../db.ts";
import { HttpError } from "../http.ts";
import { withAccountAgent } from "./account-agent.ts";
import { pollChat } from "./poll-chat.ts";
import { pollNotifications } from "./poll-notifications.ts";
import { DM_SCOPE } from "./session-tokens.ts";

type PollResult = BlueskyPollResponse["accounts"][number];

/**
 * One account's poll: mentions and replies, then DMs when its app password may read them. A
 * failure is recorded on the account (last_error) and answered, never thrown: the next account
 * and the next run go on. A refused session has already marked the account for re-auth.
 */
export async function pollAccount(accountId: string): Promise<PollResult> {
  try {
    const counts = await withAccountAgent(accountId, async (agent, account) => {
      const posts = await pollNotifications(agent, account);
      const directMessages = account.scopes.includes(DM_SCOPE) ? await pollChat(agent, account) : 0;
      return { posts, directMessages };
    });
    await asService((tx) =>
      tx`update public.channel_accounts set last_polled_at = now(), last_error = null,
           last_error_at = null
         where id = ${accountId}`
    );
    return {
      account_id: accountId,
      posts: counts.posts,
      direct_messages: counts.directMessages,
      error: null,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof HttpError)) {
      await asService((tx) =>
        tx`update public.channel_accounts set last_error = ${
          `poll failed: ${message}`.slice(0, 500)
        },
             last_error_at = now()
           where id = ${accountId}`
      );
      console.warn(`[bluesky-poll] account ${accountId}: ${message}`);
    }
    return { account_id: accountId, posts: 0, direct_messages: 0, error: message };
  }
}
