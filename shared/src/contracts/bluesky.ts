import { z } from "zod";
import {
  BLUESKY_DM_MAX_BYTES,
  BLUESKY_DM_MAX_GRAPHEMES,
  BLUESKY_POST_MAX_BYTES,
  BLUESKY_POST_MAX_GRAPHEMES,
  graphemeLength,
  utf8Length,
} from "../rules/bluesky-text.ts";
import { idSchema } from "../schemas/common.ts";
import { threadMessageSchema } from "./inbox-messages.ts";

/** Where Bluesky-hosted accounts log in (docs/bluesky.md §1). */
export const DEFAULT_BLUESKY_SERVICE = "https://bsky.social";
/** Where a person makes an app password in the Bluesky app. */
export const BLUESKY_APP_PASSWORDS_URL = "https://bsky.app/settings/app-passwords";

/**
 * An app password as Bluesky makes them: four groups of four letters and digits. Anything else is
 * most likely the account's main password, which DM Desk must never be given.
 */
export const APP_PASSWORD_PATTERN = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/i;

/**
 * bluesky-connect: an owner or admin connects a Bluesky account with its handle (or email, or
 * DID) and an app password, on `service_url` (the account's PDS; bsky.social for accounts that
 * Bluesky hosts).
 */
export const blueskyConnectRequestSchema = z.object({
  imo_id: idSchema,
  identifier: z.string().trim().min(3).max(253).transform((value) => value.replace(/^@/, "")),
  app_password: z.string().trim().regex(
    APP_PASSWORD_PATTERN,
    "Use an app password (xxxx-xxxx-xxxx-xxxx), never your main Bluesky password",
  ),
  service_url: z.url({ protocol: /^https?$/ }).default(DEFAULT_BLUESKY_SERVICE),
});
export type BlueskyConnectRequest = z.input<typeof blueskyConnectRequestSchema>;

export const blueskyConnectResponseSchema = z.object({
  account_id: idSchema,
  did: z.string(),
  handle: z.string(),
  /** the app password may read and send DMs ("Allow access to your direct messages") */
  dm_access: z.boolean(),
});
export type BlueskyConnectResponse = z.infer<typeof blueskyConnectResponseSchema>;

/** bluesky-poll on demand: one account now (the cron polls them all). */
export const blueskyPollRequestSchema = z.object({ account_id: idSchema.optional() });
export type BlueskyPollRequest = z.infer<typeof blueskyPollRequestSchema>;

export const blueskyPollResultSchema = z.object({
  account_id: idSchema,
  /** mentions and replies stored by this run (each post once, however often it is polled) */
  posts: z.number().int().nonnegative(),
  /** DMs stored by this run */
  direct_messages: z.number().int().nonnegative(),
  /** why the account could not be polled (it is left as it was, or marked for re-auth) */
  error: z.string().nullable(),
});
export const blueskyPollResponseSchema = z.object({ accounts: z.array(blueskyPollResultSchema) });
export type BlueskyPollResponse = z.infer<typeof blueskyPollResponseSchema>;

const limitedText = (maxGraphemes: number, maxBytes: number) =>
  z.string().refine((text) => text.trim().length > 0, "Write something first")
    .refine((text) => graphemeLength(text) <= maxGraphemes, {
      message: `At most ${maxGraphemes} characters, as Bluesky counts them`,
    })
    .refine((text) => utf8Length(text) <= maxBytes, { message: `At most ${maxBytes} bytes` });

/** The text of a public post or reply: 300 graphemes and 3000 bytes (docs/bluesky.md §4). */
export const blueskyPostTextSchema = limitedText(
  BLUESKY_POST_MAX_GRAPHEMES,
  BLUESKY_POST_MAX_BYTES,
);
/** The text of a DM: 1000 graphemes and 10,000 bytes (docs/bluesky.md §5). */
export const blueskyDmTextSchema = limitedText(BLUESKY_DM_MAX_GRAPHEMES, BLUESKY_DM_MAX_BYTES);

/**
 * bluesky-send-message: a member answers a Bluesky conversation the way it came in: a public
 * conversation gets a reply in the thread of the post `reply_to_message_id` names (by default the
 * contact's latest post), a direct one gets a DM. `client_message_id` is the idempotency key.
 */
export const blueskySendRequestSchema = z.object({
  conversation_id: idSchema,
  client_message_id: idSchema,
  text: z.string().max(20_000),
  reply_to_message_id: idSchema.optional(),
});
export type BlueskySendRequest = z.infer<typeof blueskySendRequestSchema>;

export const blueskySendResponseSchema = z.object({
  message: threadMessageSchema,
  replayed: z.boolean(),
});
export type BlueskySendResponse = z.infer<typeof blueskySendResponseSchema>;

/** One image of a post: its bytes (base64, at most 1,000,000 bytes) and its alt text. */
export const blueskyPostImageSchema = z.object({
  mime_type: z.enum(["image/jpeg", "image/png", "image/webp", "image/gif"]),
  data_base64: z.string().min(4).max(1_400_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, "base64"),
  alt: z.string().trim().min(1, "Describe the image for people who cannot see it").max(2000),
  aspect_ratio: z.object({
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  })
    .optional(),
});

/**
 * bluesky-publish-post: a post (text, up to four images with alt text) on a connected Bluesky
 * account, for the composer of the Publishing issue. Owners and admins only: it speaks for the
 * whole IMO in public.
 */
export const blueskyPublishRequestSchema = z.object({
  account_id: idSchema,
  text: blueskyPostTextSchema,
  images: z.array(blueskyPostImageSchema).max(4).default([]),
});
export type BlueskyPublishRequest = z.input<typeof blueskyPublishRequestSchema>;

export const blueskyPublishResponseSchema = z.object({
  uri: z.string(),
  cid: z.string(),
  url: z.string(),
});
export type BlueskyPublishResponse = z.infer<typeof blueskyPublishResponseSchema>;
