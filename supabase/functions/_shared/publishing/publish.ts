import type { PublicationMedia } from "../../../../shared/src/rules/publishing.ts";
import { asService, type Tx } from "../db.ts";
import { HttpError } from "../http.ts";
import { publishToBluesky } from "./bluesky-publish.ts";
import { publishToInstagram } from "./instagram-publish-post.ts";
import { PublishRefusal } from "./publish-refusal.ts";

/**
 * Longer than one run can take (containers, up to ~30 s of status polls, publish): a run whose
 * lease has passed has stopped half way, and is marked failed rather than published again.
 */
export const PUBLISH_LEASE = "10 minutes";

/** A publication this run holds (status `publishing`, its lease). */
export interface ClaimedPublication {
  id: string;
  imo_id: string;
  channel_account_id: string;
  platform: "instagram" | "bluesky";
  caption: string;
  media: PublicationMedia[];
}

export interface PublishOptions {
  /** waits between Instagram container status reads (tests pass short ones) */
  pollDelaysMs?: number[];
}

const claimed = (tx: Tx, where: ReturnType<Tx>, now: Date) =>
  tx<ClaimedPublication[]>`
    update public.publications p
    set status = 'publishing', attempts = p.attempts + 1, publishing_started_at = ${now},
      lease_until = ${now}::timestamptz + ${PUBLISH_LEASE}::interval, error_code = null,
      error_message = null
    from public.channel_accounts a
    where a.id = p.channel_account_id and ${where}
    returning p.id, p.imo_id, p.channel_account_id, a.platform::text as platform, p.caption,
      p.media`;

/** "Publish now": takes the publication unless it is published or another run holds it. */
export async function claimPublication(id: string, now = new Date()) {
  const [row] = await asService((tx) =>
    claimed(tx, tx`p.id = ${id} and p.status in ('draft', 'scheduled', 'failed')`, now)
  );
  return row;
}

/**
 * The cron's claim: up to `limit` scheduled publications due by `now`, oldest first.
 * `for update skip locked` lets runs claim side by side without taking the same row, and the
 * status they leave (`publishing`) keeps every later claim off it: each goes out once.
 */
export async function claimDuePublications(now: Date, limit: number, ids?: string[]) {
  return await asService((tx) =>
    claimed(
      tx,
      tx`p.id in (
        select d.id from public.publications d
        where d.status = 'scheduled' and d.scheduled_at <= ${now}
          ${ids ? tx`and d.id = any(${ids}::uuid[])` : tx``}
        order by d.scheduled_at, d.id
        limit ${limit}
        for update skip locked)`,
      now,
    )
  );
}

/**
 * Runs that stopped half way (their lease has passed while `publishing`): failed with the reason,
 * never retried on their own, since the post may be out already.
 */
export async function failInterruptedPublications(now: Date, ids?: string[]): Promise<number> {
  const rows = await asService((tx) =>
    tx`update public.publications
      set status = 'failed', lease_until = null, error_code = 'interrupted',
        error_message = 'Publishing stopped half way. Check the account for the post before publishing it again.'
      where status = 'publishing' and lease_until <= ${now}
        ${ids ? tx`and id = any(${ids}::uuid[])` : tx``}
      returning id`
  );
  return rows.length;
}

export type PublishOutcome = "published" | "failed";

/**
 * Sends a claimed publication to its platform and records the outcome: published with its id and
 * link (an Instagram post also becomes a post of the Comments view), or failed with why, the
 * content kept as it was for a fix and another try.
 */
export async function runPublication(
  publication: ClaimedPublication,
  options: PublishOptions = {},
): Promise<PublishOutcome> {
  try {
    if (publication.platform === "instagram") {
      const published = await publishToInstagram({
        channelAccountId: publication.channel_account_id,
        caption: publication.caption,
        media: publication.media,
      }, options);
      await asService(async (tx) => {
        const [post] = await tx<{ id: string }[]>`
          insert into public.posts (imo_id, channel_account_id, external_id, media_product_type,
            media_type, caption, permalink, thumbnail_url, posted_at, details_fetched_at)
          values (${publication.imo_id}, ${publication.channel_account_id}, ${published.mediaId},
            'FEED', ${published.mediaType}, ${publication.caption}, ${published.permalink},
            ${publication.media[0]?.url ?? null}, now(),
            ${published.permalink ? tx`now()` : tx`null`})
          on conflict (channel_account_id, external_id) do update
            set caption = excluded.caption, permalink = coalesce(excluded.permalink, posts.permalink)
          returning id`;
        await settle(tx, publication.id, published.mediaId, published.permalink, post!.id);
      });
    } else {
      const published = await publishToBluesky(
        publication.channel_account_id,
        publication.caption,
        publication.media,
      );
      await asService((tx) => settle(tx, publication.id, published.uri, published.url, null));
    }
    return "published";
  } catch (error) {
    const failure = failureOf(error);
    await asService((tx) =>
      tx`update public.publications
        set status = 'failed', lease_until = null, error_code = ${failure.code},
          error_message = ${failure.message.slice(0, 1000)}
        where id = ${publication.id} and status = 'publishing'`
    );
    if (!failure.known) {
      console.error(
        `[publishing] ${publication.id}:`,
        error instanceof Error ? error.stack : error,
      );
    }
    return "failed";
  }
}

async function settle(
  tx: Tx,
  id: string,
  externalId: string,
  permalink: string | null,
  postId: string | null,
) {
  await tx`update public.publications
    set status = 'published', external_id = ${externalId}, permalink = ${permalink},
      published_at = now(), post_id = ${postId}, lease_until = null, error_code = null,
      error_message = null
    where id = ${id} and status = 'publishing'`;
}

function failureOf(error: unknown) {
  if (error instanceof PublishRefusal) {
    const message = error.platformCode ? `${error.message} (${error.platformCode})` : error.message;
    return { code: error.code, message, known: true };
  }
  if (error instanceof HttpError) return { code: error.code, message: error.message, known: true };
  return {
    code: "unexpected",
    message: "Something went wrong while publishing; try again",
    known: false,
  };
}
