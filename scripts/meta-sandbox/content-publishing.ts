/**
 * Content publishing (§7): media containers (`POST /<IG_ID>/media`: an image, a carousel item, a
 * carousel of up to 10 items), their status (`GET /<container-id>?fields=status_code`), publishing
 * (`POST /<IG_ID>/media_publish`) and the publishing limit (`GET /<IG_ID>/content_publishing_limit`,
 * 100 posts in a moving 24 hours, a carousel counting once). A published container becomes a post
 * the rest of the sandbox knows: its comments, its media node, `GET /<IG_ID>/media`.
 */
import { publishMedia } from "./comment-actions.ts";
import type { GraphCall, SandboxServices } from "./graph-context.ts";
import { GraphError, graphErrors } from "./graph-errors.ts";
import { parseFields, pickFields } from "./graph-fields.ts";
import { stringParam } from "./http-helpers.ts";
import { numericId } from "./ids.ts";
import type {
  ContainerStatus,
  InstagramAccount,
  SandboxState,
  StoredContainer,
} from "./sandbox-state.ts";
import { DAY_MS } from "./sandbox-state.ts";

/** §7 "Publishing limit": 100 API-published posts in a moving 24 hours (⚠ 50 elsewhere; README). */
export const PUBLISHING_QUOTA_TOTAL = 100;
/** §7 "Publishing limit": the window is 24 hours, `quota_duration` in seconds. */
export const PUBLISHING_QUOTA_SECONDS = 86_400;
/** §7 "Carousels": up to 10 images and videos. */
export const MAX_CAROUSEL_CHILDREN = 10;
/** §7 "Captions": 2,200 characters, 30 hashtags, 20 @ tags. */
export const MAX_CAPTION_CHARACTERS = 2200;
export const MAX_CAPTION_HASHTAGS = 30;
export const MAX_CAPTION_MENTIONS = 20;
/** How long the sandbox takes to "process" a container before it is FINISHED (README). */
export const CONTAINER_PROCESSING_MS = 300;
/** How long the sandbox waits for an image while creating a container (README). */
const DOWNLOAD_TIMEOUT_MS = 3000;

const fieldsOf = (call: GraphCall) => parseFields(stringParam(call.params, "fields"));

/** `POST /<IG_ID>/media`: a container for an image, a carousel item, or a carousel (§7 "Step 1"). */
export async function createContainer(
  services: SandboxServices,
  call: GraphCall,
  account: InstagramAccount,
) {
  const { state } = services;
  const mediaType = stringParam(call.params, "media_type");
  const caption = stringParam(call.params, "caption");
  const isCarouselItem = stringParam(call.params, "is_carousel_item") === "true";
  if (caption !== undefined) checkCaption(caption);
  const now = Date.now();
  const base = {
    id: numericId("179", 17),
    igAccountId: account.igAccountId,
    caption,
    createdAt: now,
    readyAt: now + CONTAINER_PROCESSING_MS,
    statusReads: [],
  };

  if (mediaType === "CAROUSEL") {
    if (isCarouselItem) {
      throw graphErrors.invalidParameter("A carousel cannot be an item of another carousel");
    }
    const children = (stringParam(call.params, "children") ?? "").split(",").map((id) => id.trim())
      .filter(Boolean);
    if (children.length < 2 || children.length > MAX_CAROUSEL_CHILDREN) {
      throw graphErrors.invalidParameter(
        `A carousel takes 2 to ${MAX_CAROUSEL_CHILDREN} children (got ${children.length})`,
      );
    }
    for (const id of children) {
      const child = state.containers.get(id);
      if (!child || child.igAccountId !== account.igAccountId || !child.isCarouselItem) {
        throw graphErrors.invalidParameter(
          `The carousel item ${id} is not a carousel item container of this account`,
        );
      }
      if (statusOf(child, now) !== "FINISHED") throw notReady();
    }
    const container: StoredContainer = {
      ...base,
      kind: "CAROUSEL",
      isCarouselItem: false,
      children,
    };
    state.containers.set(container.id, container);
    return { id: container.id };
  }
  if (mediaType && mediaType !== "IMAGE") {
    // videos, reels and stories are not simulated (README)
    throw graphErrors.invalidParameter(`The sandbox does not publish media_type ${mediaType}`);
  }
  const imageUrl = stringParam(call.params, "image_url");
  if (!imageUrl) throw graphErrors.invalidParameter("The parameter image_url is required");
  const contentType = await download(imageUrl);
  const container: StoredContainer = {
    ...base,
    kind: "IMAGE",
    isCarouselItem,
    imageUrl,
    altText: stringParam(call.params, "alt_text"),
    // §7 "Step 1": JPEG only; the sandbox's own stand-in images count as JPEG (README)
    error: contentType.startsWith("image/")
      ? undefined
      : `Error: The media is not an image (${contentType || "no content type"}); use a JPEG`,
  };
  state.containers.set(container.id, container);
  return { id: container.id };
}

/** `GET /<container-id>?fields=status_code,status` (§7 "Status polling"). */
export function containerFields(call: GraphCall, container: StoredContainer) {
  const status = statusOf(container, Date.now());
  container.statusReads.push(status);
  return pickFields(
    {
      id: container.id,
      status_code: status,
      status: status === "ERROR" ? container.error : status === "EXPIRED" ? "Expired" : status,
      media_type: container.kind === "CAROUSEL" ? "CAROUSEL_ALBUM" : "IMAGE",
      is_carousel_item: container.isCarouselItem,
    },
    fieldsOf(call),
    ["id"],
    "IGContainer",
  );
}

/**
 * `POST /<IG_ID>/media_publish?creation_id=`: the container becomes a post (§7 "Step 2"), unless
 * the account has used its 24-hour quota (9/2207042) or the container is not FINISHED
 * (9007/2207027), has failed or expired.
 */
export function publishContainer(
  services: SandboxServices,
  call: GraphCall,
  account: InstagramAccount,
) {
  const { state } = services;
  const creationId = stringParam(call.params, "creation_id");
  if (!creationId) throw graphErrors.invalidParameter("The parameter creation_id is required");
  const container = state.containers.get(creationId);
  if (!container || container.igAccountId !== account.igAccountId) throw mediaNotFound(creationId);
  if (container.isCarouselItem) {
    throw graphErrors.invalidParameter("A carousel item is published through its carousel");
  }
  const now = Date.now();
  const status = statusOf(container, now);
  if (status === "PUBLISHED") {
    throw graphErrors.invalidParameter("This container has already been published");
  }
  if (status === "EXPIRED") throw expired();
  if (status === "ERROR") {
    throw graphErrors.invalidParameter(`The container failed: ${container.error}`);
  }
  if (status === "IN_PROGRESS") throw notReady();
  if (quotaUsage(state, account.igAccountId, now) >= PUBLISHING_QUOTA_TOTAL) throw limitReached();

  const media = publishMedia(services, account, {
    caption: container.caption ?? "",
    mediaType: container.kind === "CAROUSEL" ? "CAROUSEL_ALBUM" : "IMAGE",
    productType: "FEED",
    at: now,
  });
  container.mediaId = media.id;
  state.publishLog.push({ igAccountId: account.igAccountId, at: now, mediaId: media.id });
  return { id: media.id };
}

/** `GET /<IG_ID>/content_publishing_limit?fields=quota_usage,config` (§7 "Publishing limit"). */
export function publishingLimit(state: SandboxState, call: GraphCall, account: InstagramAccount) {
  const usage = quotaUsage(state, account.igAccountId, Date.now());
  const entry = pickFields(
    {
      quota_usage: usage,
      config: { quota_total: PUBLISHING_QUOTA_TOTAL, quota_duration: PUBLISHING_QUOTA_SECONDS },
    },
    fieldsOf(call),
    ["quota_usage"],
    "ContentPublishingLimit",
  );
  return { data: [entry] };
}

/**
 * Control API: the account has published `count` more posts through the API at `at` (default
 * now), as if another app had used its quota; answers the usage now.
 */
export function recordPublishingUsage(
  state: SandboxState,
  account: InstagramAccount,
  count: number,
  at = Date.now(),
) {
  for (let i = 0; i < count; i++) {
    state.publishLog.push({ igAccountId: account.igAccountId, at, mediaId: "" });
  }
  return {
    quota_usage: quotaUsage(state, account.igAccountId, Date.now()),
    quota_total: PUBLISHING_QUOTA_TOTAL,
  };
}

/** Posts the account published through the API in the 24 hours before `now`. */
export function quotaUsage(state: SandboxState, igAccountId: string, now: number): number {
  return state.publishLog.filter((p) =>
    p.igAccountId === igAccountId && p.at > now - PUBLISHING_QUOTA_SECONDS * 1000
  ).length;
}

function statusOf(container: StoredContainer, now: number): ContainerStatus {
  if (container.mediaId) return "PUBLISHED";
  // §7 "Status polling": EXPIRED when not published within 24 hours
  if (now - container.createdAt > DAY_MS) return "EXPIRED";
  if (now < container.readyAt) return "IN_PROGRESS";
  return container.error ? "ERROR" : "FINISHED";
}

/** §7 "Captions": at most 2,200 characters, 30 hashtags and 20 @ tags. */
function checkCaption(caption: string) {
  const characters = [...caption].length;
  if (characters > MAX_CAPTION_CHARACTERS) {
    throw graphErrors.invalidParameter(
      `The caption is longer than ${MAX_CAPTION_CHARACTERS} characters (got ${characters})`,
    );
  }
  const hashtags = caption.match(/#[\p{L}\p{N}_]+/gu)?.length ?? 0;
  if (hashtags > MAX_CAPTION_HASHTAGS) {
    throw graphErrors.invalidParameter(
      `The caption has more than ${MAX_CAPTION_HASHTAGS} hashtags (got ${hashtags})`,
    );
  }
  const mentions = caption.match(/(^|[^\w])@[\w.]+/gu)?.length ?? 0;
  if (mentions > MAX_CAPTION_MENTIONS) {
    throw graphErrors.invalidParameter(
      `The caption has more than ${MAX_CAPTION_MENTIONS} @ tags (got ${mentions})`,
    );
  }
}

/** Meta "cURLs" the image (§7 "Step 1"); one that cannot be fetched fails the call (9004/2207052). */
async function download(url: string): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw downloadFailed(url);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw downloadFailed(url);
  try {
    const response = await fetch(parsed, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    await response.body?.cancel();
    if (!response.ok) throw downloadFailed(url);
    return response.headers.get("content-type") ?? "";
  } catch (error) {
    if (error instanceof GraphError) throw error;
    throw downloadFailed(url);
  }
}

// --- §7 "Errors" (Meta's error-codes reference: code, subcode, message) ---

const publishingError = (code: number, subcode: number, message: string, userMessage: string) =>
  new GraphError(400, {
    message,
    type: "OAuthException",
    code,
    error_subcode: subcode,
    is_transient: false,
    error_user_msg: userMessage,
  });

export const limitReached = () =>
  publishingError(
    9,
    2207042,
    "Application request limit reached",
    "You reached maximum number of posts that is allowed to be published by Content Publishing API.",
  );

const notReady = () =>
  publishingError(
    9007,
    2207027,
    "Media ID is not available",
    "The media is not ready for publishing, please wait for a moment",
  );

const downloadFailed = (url: string) =>
  publishingError(
    9004,
    2207052,
    "Only photo or video can be accepted as media type.",
    `The media could not be fetched from this uri: ${url}`,
  );

const expired = () =>
  publishingError(
    -2,
    2207020,
    "The media you are trying to access has expired.",
    "The media you are trying to access has expired. Please try to upload again.",
  );

const mediaNotFound = (id: string) =>
  publishingError(24, 2207006, `The media with id ${id} cannot be found`, "Media not found");
