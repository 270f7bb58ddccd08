import { metaErrorCode } from "../../../../shared/src/rules/send-errors.ts";
import { HttpError } from "../http.ts";
import { MetaApiError } from "../meta/graph-client.ts";

/**
 * Meta's answer for an object that is gone: the comment was deleted on Instagram
 * (docs/meta-platform.md §9 "Moderation").
 */
export const isGoneOnInstagram = (error: unknown) =>
  error instanceof MetaApiError && error.code === 100 && error.subcode === 33;

/**
 * A moderation call Meta did not do, as the member's answer: Meta's code and words, never a bare
 * 500. Anything that is not Meta's answer is rethrown.
 */
export function metaRefusal(error: unknown): HttpError {
  if (!(error instanceof MetaApiError)) throw error;
  const details = { code: metaErrorCode(error.code, error.subcode, error.status) };
  if (error.kind === "rate_limited") {
    return new HttpError(
      429,
      "rate_limited",
      "Instagram is limiting this account; try again shortly",
      details,
    );
  }
  if (error.kind === "transient") {
    return new HttpError(502, "meta_unavailable", "Instagram did not answer; try again", details);
  }
  if (error.kind === "token_invalid") {
    return new HttpError(
      409,
      "account_not_connected",
      "Instagram no longer accepts this account's login; reconnect it",
      details,
    );
  }
  return new HttpError(422, "meta_refused", `Instagram refused: ${error.message}`, details);
}
