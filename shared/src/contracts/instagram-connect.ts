import { z } from "zod";

/** Starting a connection: which IMO, which login path, where the browser comes back to. */
export const connectAuthPathSchema = z.enum(["instagram_login", "facebook_login"]);

export const oauthInitInputSchema = z.object({
  imo_id: z.uuid(),
  auth_path: connectAuthPathSchema.default("instagram_login"),
  // no `//` or `\` after the first slash: browsers read both as the start of another host
  return_to: z.string().max(200)
    .regex(/^\/(?![/\\])[^\s\\]*$/, "must be a path inside the app, like /settings")
    .optional(),
});
export type OAuthInitInput = z.input<typeof oauthInitInputSchema>;

export const oauthInitResponseSchema = z.object({
  url: z.url(),
  expires_at: z.iso.datetime({ offset: true }),
});
export type OAuthInitResponse = z.infer<typeof oauthInitResponseSchema>;

const platformOutcome = z.object({
  connected: z.boolean(),
  accounts: z.array(z.object({ id: z.uuid(), username: z.string().nullable() })).optional(),
  reason: z.string().optional(),
});

/**
 * What a connect did, per platform: the Facebook path writes the Page and its linked Instagram
 * account and may succeed for one only.
 */
export const connectResultSchema = z.object({
  facebook: platformOutcome.optional(),
  instagram: platformOutcome.optional(),
});
export type ConnectResult = z.infer<typeof connectResultSchema>;

/**
 * Completing a connect: instagram-oauth-callback parks what Meta's consent gave and sends the
 * browser back with `?connection=<id>`; the SPA, signed in as the person who started, confirms it.
 */
export const oauthCompleteInputSchema = z.object({ connection_id: z.uuid() });
export type OAuthCompleteInput = z.infer<typeof oauthCompleteInputSchema>;

export const connectOutcomeSchema = z.enum(["connected", "partial", "failed"]);

export const oauthCompleteResponseSchema = z.object({
  imo_id: z.uuid(),
  outcome: connectOutcomeSchema,
  /** why a platform was not connected, when one was not */
  reason: z.string().optional(),
  result: connectResultSchema,
});
export type OAuthCompleteResponse = z.infer<typeof oauthCompleteResponseSchema>;

export const disconnectInputSchema = z.object({ account_id: z.uuid() });

/** What instagram-disconnect answers: the token is gone, the account and its history stay. */
export const disconnectResponseSchema = z.object({
  id: z.uuid(),
  status: z.literal("disconnected"),
  disconnected_at: z.iso.datetime({ offset: true }),
});
export type DisconnectResponse = z.infer<typeof disconnectResponseSchema>;
