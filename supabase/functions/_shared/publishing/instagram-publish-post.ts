import type { PublishingQuota } from "../../../../shared/src/contracts/publishing.ts";
import type { PublicationMedia } from "../../../../shared/src/rules/publishing.ts";
import { accountToken } from "../comments/account-token.ts";
import { asService } from "../db.ts";
import { graphFetch, MetaApiError } from "../meta/graph-client.ts";
import { metaConfig } from "../meta/meta-config.ts";
import { PublishRefusal } from "./publish-refusal.ts";

/**
 * Waits between container status reads, in ms: the first read comes at once, then one after each
 * wait, about 30 s in all. Meta suggests once a minute for up to 5 minutes (docs/meta-platform.md
 * §7 "Status polling"), which no person waiting on the answer would sit through.
 */
export const STATUS_POLL_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15000];

export interface InstagramPost {
  channelAccountId: string;
  caption: string;
  media: PublicationMedia[];
}

export interface InstagramPublished {
  mediaId: string;
  permalink: string | null;
  mediaType: "IMAGE" | "CAROUSEL_ALBUM";
}

interface PublishingAccount {
  /** the Graph API base of the account's login path (a Page token on graph.facebook.com) */
  base: string;
  token: string;
  igId: string;
}

async function publishingAccount(channelAccountId: string): Promise<PublishingAccount> {
  const { auth_path, token } = await accountToken(channelAccountId);
  const [row] = await asService((tx) =>
    tx<{ external_account_id: string }[]>`
      select external_account_id from public.channel_accounts where id = ${channelAccountId}`
  );
  const config = metaConfig();
  return {
    base: auth_path === "instagram_login" ? config.instagramGraph : config.facebookGraph,
    token,
    igId: row!.external_account_id,
  };
}

/**
 * `GET /<IG_ID>/content_publishing_limit?fields=quota_usage,config`: how many posts the account
 * has published through the API in the last 24 hours, out of how many (§7 "Publishing limit").
 */
export async function readPublishingQuota(channelAccountId: string): Promise<PublishingQuota> {
  const account = await publishingAccount(channelAccountId);
  return await quotaOf(account);
}

async function quotaOf(account: PublishingAccount): Promise<PublishingQuota> {
  const url = new URL(`${account.base}/${account.igId}/content_publishing_limit`);
  url.searchParams.set("fields", "quota_usage,config");
  const answer = await graphFetch(url, { token: account.token });
  const entry = (answer.data as Record<string, unknown>[] | undefined)?.[0] ?? {};
  const config = (entry.config ?? {}) as Record<string, unknown>;
  return {
    quota_usage: Number(entry.quota_usage ?? 0),
    quota_total: Number(config.quota_total ?? 0) || 50,
    quota_duration_seconds: Number(config.quota_duration ?? 0) || 86_400,
  };
}

/**
 * instagram-publish-post, the flow behind the Publishing page's Instagram posts (§7): the account's
 * quota first (a post over it is refused before any container is made), then a container per
 * image (carousel items, each waited for until FINISHED, then the carousel), the status polled
 * with backoff within a bound, then `media_publish` and the post's permalink. Anything Instagram
 * refuses is a PublishRefusal in words a person can act on.
 */
export async function publishToInstagram(
  post: InstagramPost,
  options: { pollDelaysMs?: number[] } = {},
): Promise<InstagramPublished> {
  const delays = options.pollDelaysMs ?? STATUS_POLL_DELAYS_MS;
  try {
    const account = await publishingAccount(post.channelAccountId);
    const quota = await quotaOf(account);
    if (quota.quota_usage >= quota.quota_total) throw limitReached(quota);

    let creationId: string;
    if (post.media.length === 1) {
      const [image] = post.media;
      creationId = await createContainer(account, {
        image_url: image!.url,
        caption: post.caption,
        ...(image!.alt_text.trim() ? { alt_text: image!.alt_text } : {}),
      });
    } else {
      const children = await Promise.all(post.media.map((image) =>
        createContainer(account, {
          image_url: image.url,
          is_carousel_item: "true",
          ...(image.alt_text.trim() ? { alt_text: image.alt_text } : {}),
        })
      ));
      await Promise.all(children.map((id) => waitUntilFinished(account, id, delays)));
      creationId = await createContainer(account, {
        media_type: "CAROUSEL",
        children: children.join(","),
        caption: post.caption,
      });
    }
    await waitUntilFinished(account, creationId, delays);
    const mediaId = await publishContainer(account, creationId, delays);
    return {
      mediaId,
      permalink: await permalinkOf(account, mediaId),
      mediaType: post.media.length === 1 ? "IMAGE" : "CAROUSEL_ALBUM",
    };
  } catch (error) {
    throw refusalOf(error);
  }
}

async function createContainer(account: PublishingAccount, form: Record<string, string>) {
  const answer = await graphFetch(`${account.base}/${account.igId}/media`, {
    token: account.token,
    form,
    timeoutMs: 30_000,
  });
  if (typeof answer.id !== "string") throw new Error("Instagram made a container without an id");
  return answer.id;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the container's status until FINISHED, at once and then after each delay (§7). */
async function waitUntilFinished(account: PublishingAccount, id: string, delays: number[]) {
  const url = new URL(`${account.base}/${encodeURIComponent(id)}`);
  url.searchParams.set("fields", "status_code,status");
  for (let attempt = 0;; attempt++) {
    const answer = await graphFetch(url, { token: account.token });
    const code = String(answer.status_code ?? "");
    if (code === "FINISHED" || code === "PUBLISHED") return;
    if (code === "ERROR") {
      throw new PublishRefusal(
        "media_failed",
        `Instagram could not process an image${answer.status ? `: ${answer.status}` : ""}`,
      );
    }
    if (code === "EXPIRED") {
      throw new PublishRefusal(
        "container_expired",
        "Instagram let the upload expire (24 hours); publish again",
      );
    }
    if (attempt >= delays.length) {
      const seconds = Math.round(delays.reduce((sum, ms) => sum + ms, 0) / 1000);
      throw new PublishRefusal(
        "still_processing",
        `Instagram was still processing the images after ${seconds} s; publish again in a minute`,
      );
    }
    await sleep(delays[attempt]!);
  }
}

/** `media_publish`; "not ready yet" (9007/2207027) is waited out within the same bound. */
async function publishContainer(account: PublishingAccount, creationId: string, delays: number[]) {
  for (let attempt = 0;; attempt++) {
    try {
      const answer = await graphFetch(`${account.base}/${account.igId}/media_publish`, {
        token: account.token,
        form: { creation_id: creationId },
        timeoutMs: 30_000,
      });
      if (typeof answer.id !== "string") throw new Error("Instagram published without an id");
      return answer.id;
    } catch (error) {
      const notReady = error instanceof MetaApiError && error.code === 9007;
      if (!notReady || attempt >= delays.length) throw error;
      await sleep(delays[attempt]!);
    }
  }
}

async function permalinkOf(account: PublishingAccount, mediaId: string): Promise<string | null> {
  const url = new URL(`${account.base}/${encodeURIComponent(mediaId)}`);
  url.searchParams.set("fields", "permalink");
  try {
    const answer = await graphFetch(url, { token: account.token });
    return typeof answer.permalink === "string" ? answer.permalink : null;
  } catch {
    // the post is out; its link can be read later (the Comments view fetches post details)
    return null;
  }
}

function limitReached(quota: PublishingQuota) {
  const hours = Math.round(quota.quota_duration_seconds / 3600);
  return new PublishRefusal(
    "publishing_limit",
    `Instagram's publishing limit is reached: ${quota.quota_usage} of ${quota.quota_total} posts in ${hours} hours from this account. It can post again once the oldest of them is ${hours} hours old.`,
  );
}

/** Meta's answers, in words a person can act on (§7 "Errors"). */
function refusalOf(error: unknown): unknown {
  if (!(error instanceof MetaApiError)) return error;
  const code = `${error.code ?? "http"}${error.subcode ? `/${error.subcode}` : ""}`;
  if (error.code === 9 && error.subcode === 2207042) {
    return new PublishRefusal(
      "publishing_limit",
      "Instagram's publishing limit is reached for this account (posts in the last 24 hours); try again later",
      code,
    );
  }
  if (error.code === 9004 || error.subcode === 2207052) {
    return new PublishRefusal(
      "media_unreachable",
      "Instagram could not fetch an image: it must be a JPEG at a public web address",
      code,
    );
  }
  if (error.kind === "token_invalid") {
    return new PublishRefusal(
      "account_not_connected",
      "Instagram no longer accepts this account's login; reconnect it in Settings",
      code,
    );
  }
  if (error.kind === "permission") {
    return new PublishRefusal(
      "permission_missing",
      "This account has not allowed DM Desk to publish; reconnect it and allow content publishing",
      code,
    );
  }
  if (error.kind === "transient" || error.kind === "rate_limited") {
    return new PublishRefusal(
      "meta_unavailable",
      "Instagram did not take the post; try again",
      code,
    );
  }
  return new PublishRefusal("meta_refused", `Instagram refused the post: ${error.message}`, code);
}
