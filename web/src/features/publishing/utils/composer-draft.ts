import type { Publication } from "@dm-desk/shared/contracts/publishing";
import {
  BLUESKY_MAX_IMAGES,
  INSTAGRAM_MAX_IMAGES,
  type PublicationMedia,
  publicationProblems,
  type PublishingPlatform,
} from "@dm-desk/shared/rules/publishing";

/** What the composer holds: one caption and one set of images for every account it posts to. */
export interface ComposerDraft {
  accountIds: string[];
  caption: string;
  media: PublicationMedia[];
  /** the publication being edited (its account is fixed), or null for a new post */
  editingId: string | null;
  /**
   * the publications this post already saved, by account, that did not go out: trying again
   * updates them instead of saving another copy
   */
  savedIds: Record<string, string>;
}

export const emptyDraft = (): ComposerDraft => ({
  accountIds: [],
  caption: "",
  media: [],
  editingId: null,
  savedIds: {},
});

export const draftFromPublication = (publication: Publication): ComposerDraft => ({
  accountIds: [publication.channel_account_id],
  caption: publication.caption,
  media: publication.media.map((item) => ({ ...item })),
  editingId: publication.id,
  savedIds: {},
});

/** The most images any chosen platform takes (a carousel holds 10, Bluesky 4). */
export function maxImages(platforms: PublishingPlatform[]): number {
  if (platforms.length === 0) return INSTAGRAM_MAX_IMAGES;
  return Math.min(
    ...platforms.map((p) => (p === "instagram" ? INSTAGRAM_MAX_IMAGES : BLUESKY_MAX_IMAGES)),
  );
}

/** Each chosen platform's problems with the draft, in the platform's words. */
export function draftProblems(draft: ComposerDraft, platforms: PublishingPlatform[]) {
  return [...new Set(platforms)].flatMap((platform) =>
    publicationProblems(platform, { caption: draft.caption, media: draft.media }).map((
      problem,
    ) => ({ platform, ...problem }))
  );
}

/** Reads a picture the person chose as a data URL (Bluesky uploads it; Instagram needs a web address). */
export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("Couldn't read the picture"));
    reader.readAsDataURL(file);
  });
}
