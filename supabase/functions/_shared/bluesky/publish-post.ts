import { type Agent, RichText, XRPCError } from "@atproto/api";
import {
  blueskyPublishRequestSchema,
  type BlueskyPublishResponse,
} from "../../../../shared/src/contracts/bluesky.ts";
import { requireUser } from "../auth.ts";
import { requireImoRole } from "../connect/access.ts";
import { withUser } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { HttpError, json } from "../http.ts";
import { parseBody } from "../validate.ts";
import { withAccountAgent } from "./account-agent.ts";
import { postWebUrl } from "./post-refs.ts";

/** uploadBlob refuses images over this (docs/bluesky.md §4). */
export const MAX_IMAGE_BYTES = 1_000_000;

export interface PostImage {
  bytes: Uint8Array;
  mimeType: string;
  alt: string;
  aspectRatio?: { width: number; height: number };
}

/**
 * A post on the account: text with its facets (mentions resolved to DIDs, links, UTF-8 byte
 * offsets), and up to four images, each uploaded as a blob and embedded with its alt text
 * (docs/bluesky.md §4). For the composer of the Publishing issue, through bluesky-publish-post.
 */
export async function publishPost(
  agent: Agent,
  handle: string | null,
  input: { text: string; images: PostImage[] },
): Promise<BlueskyPublishResponse> {
  const rich = new RichText({ text: input.text });
  await rich.detectFacets(agent);
  const images = [];
  for (const image of input.images) {
    const { data } = await agent.uploadBlob(image.bytes, { encoding: image.mimeType });
    images.push({
      image: data.blob,
      alt: image.alt,
      ...(image.aspectRatio ? { aspectRatio: image.aspectRatio } : {}),
    });
  }
  const created = await agent.post({
    text: rich.text,
    ...(rich.facets?.length ? { facets: rich.facets } : {}),
    ...(images.length ? { embed: { $type: "app.bsky.embed.images", images } } : {}),
    createdAt: new Date().toISOString(),
  });
  return { uri: created.uri, cid: created.cid, url: postWebUrl(created.uri, handle) };
}

/**
 * bluesky-publish-post: an owner or admin posts on a connected Bluesky account of their IMO. It
 * speaks for the whole IMO in public, so recruiters may not.
 */
export function createBlueskyPublishHandler() {
  return endpoint("POST", async (request) => {
    const claims = await requireUser(request);
    const input = await parseBody(request, blueskyPublishRequestSchema);
    await withUser(claims, async (tx) => {
      const [account] = await tx<{ imo_id: string }[]>`
        select imo_id from public.channel_accounts
        where id = ${input.account_id} and platform = 'bluesky'`;
      if (!account) throw new HttpError(404, "account_not_found", "No such Bluesky account");
      await requireImoRole(tx, account.imo_id, ["owner", "admin"], {
        feature: "instagram_messaging",
      });
    });
    const images = input.images.map((image, index) => {
      const bytes = Uint8Array.from(atob(image.data_base64), (c) => c.charCodeAt(0));
      if (bytes.length > MAX_IMAGE_BYTES) {
        throw new HttpError(422, "validation_failed", "An image is too large for Bluesky", [
          { path: `images.${index}.data_base64`, message: "at most 1,000,000 bytes" },
        ]);
      }
      return {
        bytes,
        mimeType: image.mime_type,
        alt: image.alt,
        aspectRatio: image.aspect_ratio,
      };
    });
    try {
      const answer = await withAccountAgent(
        input.account_id,
        (agent, account) => publishPost(agent, account.handle, { text: input.text, images }),
      );
      return json(answer);
    } catch (error) {
      if (error instanceof XRPCError) {
        throw new HttpError(502, "bluesky_refused", `Bluesky refused the post: ${error.message}`, {
          bluesky_error: error.error,
        });
      }
      throw error;
    }
  });
}
