/**
 * Why a post did not go out, in words a person can act on: `code` is ours (publishing_limit,
 * media_unreachable, ...), `platformCode` the platform's own (Meta's `code/subcode`, Bluesky's
 * error name) when it answered. The publication keeps both, and stays a draft to fix and retry.
 */
export class PublishRefusal extends Error {
  constructor(readonly code: string, message: string, readonly platformCode: string | null = null) {
    super(message);
  }
}
