import { XRPCError } from "@atproto/api";
import type { PublicationMedia } from "../../../../shared/src/rules/publishing.ts";
import { withAccountAgent } from "../bluesky/account-agent.ts";
import { MAX_IMAGE_BYTES, type PostImage, publishPost } from "../bluesky/publish-post.ts";
import { PublishRefusal } from "./publish-refusal.ts";

const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"];

/**
 * A publication on a Bluesky account, through the same code as bluesky-publish-post (text with its
 * facets, images uploaded as blobs with their alt text, docs/bluesky.md §4). Images come as web
 * addresses, fetched here, or as pictures the browser read (data URLs).
 */
export async function publishToBluesky(
  channelAccountId: string,
  caption: string,
  media: PublicationMedia[],
) {
  const images = await Promise.all(media.map(loadImage));
  try {
    return await withAccountAgent(
      channelAccountId,
      (agent, account) => publishPost(agent, account.handle, { text: caption, images }),
    );
  } catch (error) {
    if (error instanceof XRPCError) {
      throw new PublishRefusal(
        "bluesky_refused",
        `Bluesky refused the post: ${error.message}`,
        error.error ?? null,
      );
    }
    throw error;
  }
}

async function loadImage(item: PublicationMedia, index: number): Promise<PostImage> {
  const which = `Image ${index + 1}`;
  let bytes: Uint8Array;
  let mimeType: string;
  const data = /^data:(image\/[a-z]+);base64,(.*)$/i.exec(item.url);
  if (data) {
    mimeType = data[1]!.toLowerCase();
    bytes = Uint8Array.from(atob(data[2]!), (c) => c.charCodeAt(0));
  } else {
    let response: Response;
    try {
      response = await fetch(item.url, { signal: AbortSignal.timeout(10_000) });
    } catch {
      throw new PublishRefusal(
        "media_unreachable",
        `${which} could not be fetched from its address`,
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new PublishRefusal(
        "media_unreachable",
        `${which} could not be fetched (HTTP ${response.status})`,
      );
    }
    mimeType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    bytes = await readAtMost(response, MAX_IMAGE_BYTES + 1);
  }
  if (!IMAGE_TYPES.includes(mimeType)) {
    throw new PublishRefusal(
      "media_unsupported",
      `${which} is not a JPEG, PNG, WebP or GIF picture`,
    );
  }
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new PublishRefusal("media_too_large", `${which} is over Bluesky's 1 MB for an image`);
  }
  return { bytes, mimeType, alt: item.alt_text };
}

/** The body, stopping once it is longer than `limit` (no need to read a huge file to refuse it). */
async function readAtMost(response: Response, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= limit) break;
    }
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
