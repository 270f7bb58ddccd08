/**
 * What each platform takes in a post, for the Publishing composer (counted live) and the
 * publishing function (checked again before anything reaches the platform): Instagram's caption
 * and carousel limits (docs/meta-platform.md §7), Bluesky's text and images (docs/bluesky.md §4).
 */
import { blueskyTextProblem } from "./bluesky-text.ts";

/** §7 "Captions". */
export const INSTAGRAM_CAPTION_MAX_CHARACTERS = 2200;
export const INSTAGRAM_CAPTION_MAX_HASHTAGS = 30;
export const INSTAGRAM_CAPTION_MAX_MENTIONS = 20;
/** §7 "Step 1": a carousel holds up to 10 items. */
export const INSTAGRAM_MAX_IMAGES = 10;
/** docs/bluesky.md §4: up to four images, each with its alt text. */
export const BLUESKY_MAX_IMAGES = 4;

export type PublishingPlatform = "instagram" | "bluesky";

export interface PublicationMedia {
  url: string;
  alt_text: string;
}

export interface PublicationContent {
  caption: string;
  media: PublicationMedia[];
}

/** Characters as Instagram counts a caption: code points. */
export const captionCharacters = (caption: string) => [...caption].length;
export const captionHashtags = (caption: string) => caption.match(/#[\p{L}\p{N}_]+/gu)?.length ?? 0;
/** @ tags: an @ that starts a word. */
export const captionMentions = (caption: string) =>
  caption.match(/(^|[^\w])@[\w.]+/gu)?.length ?? 0;

/** Where an image must live: Instagram fetches it from a public http(s) URL (§7 "Step 1"). */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);
/** Bluesky images are uploaded by DM Desk: a web URL, or a picture the browser read (a data URL). */
const isImageDataUrl = (url: string) => /^data:image\/(jpeg|png|webp|gif);base64,/i.test(url);

/**
 * Why this content cannot go out on the platform, one sentence each with where it is
 * (`caption`, `media`, `media.<i>.url`, `media.<i>.alt_text`); empty when it can.
 */
export function publicationProblems(
  platform: PublishingPlatform,
  content: PublicationContent,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const { caption, media } = content;
  if (platform === "instagram") {
    const characters = captionCharacters(caption);
    if (characters > INSTAGRAM_CAPTION_MAX_CHARACTERS) {
      problems.push({
        path: "caption",
        message: `Instagram allows ${
          INSTAGRAM_CAPTION_MAX_CHARACTERS.toLocaleString("en-US")
        } characters; this is ${characters.toLocaleString("en-US")}`,
      });
    }
    const hashtags = captionHashtags(caption);
    if (hashtags > INSTAGRAM_CAPTION_MAX_HASHTAGS) {
      problems.push({
        path: "caption",
        message:
          `Instagram allows ${INSTAGRAM_CAPTION_MAX_HASHTAGS} hashtags; this has ${hashtags}`,
      });
    }
    const mentions = captionMentions(caption);
    if (mentions > INSTAGRAM_CAPTION_MAX_MENTIONS) {
      problems.push({
        path: "caption",
        message: `Instagram allows ${INSTAGRAM_CAPTION_MAX_MENTIONS} @ tags; this has ${mentions}`,
      });
    }
    if (media.length === 0) {
      problems.push({ path: "media", message: "An Instagram post needs at least one image" });
    }
    if (media.length > INSTAGRAM_MAX_IMAGES) {
      problems.push({
        path: "media",
        message: `A carousel holds up to ${INSTAGRAM_MAX_IMAGES} images`,
      });
    }
    media.forEach((item, index) => {
      if (!isWebUrl(item.url)) {
        problems.push({
          path: `media.${index}.url`,
          message: "Instagram fetches images from a public web address (https://…)",
        });
      }
    });
  } else {
    const textProblem = blueskyTextProblem(caption, "post");
    if (textProblem) problems.push({ path: "caption", message: textProblem });
    if (media.length > BLUESKY_MAX_IMAGES) {
      problems.push({ path: "media", message: `Bluesky takes up to ${BLUESKY_MAX_IMAGES} images` });
    }
    media.forEach((item, index) => {
      if (!isWebUrl(item.url) && !isImageDataUrl(item.url)) {
        problems.push({
          path: `media.${index}.url`,
          message: "Use a web address (https://…) or an uploaded picture",
        });
      }
      if (!item.alt_text.trim()) {
        problems.push({
          path: `media.${index}.alt_text`,
          message: "Describe the image for people who cannot see it",
        });
      }
    });
  }
  return problems;
}
