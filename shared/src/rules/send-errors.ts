/**
 * How a failed send is recorded in `messages.error_code`, and what the SPA may conclude from it.
 * Meta's errors are stored as `code` or `code/subcode` (docs/meta-platform.md §2 "Error codes"),
 * so the thread shows exactly what Meta said; failures before any answer get a word instead.
 */

/** Our request timed out: Meta may have sent the message before we stopped waiting. */
export const TIMEOUT_ERROR_CODE = "timeout";
/** Meta answered success without naming the message: it may or may not have gone out. */
export const NO_MESSAGE_ID_ERROR_CODE = "no_message_id";
/** Meta could not be reached at all: nothing was sent. */
export const UNREACHABLE_ERROR_CODE = "unreachable";

/**
 * Meta's 1 / 1357046, "received invalid JSON reply", comes although the message was sent
 * (docs/meta-platform.md §2 "Error codes"): never retried blind.
 */
export const SENT_DESPITE_ERROR_CODE = "1/1357046";

/** `code` or `code/subcode`, as Meta's error names them; `http_<status>` when it named no code. */
export function metaErrorCode(code: number | null, subcode: number | null, status: number): string {
  if (code === null) return `http_${status}`;
  return subcode === null ? String(code) : `${code}/${subcode}`;
}

/**
 * Whether a failed message may have reached the contact anyway, so that sending it again could
 * make a duplicate: the SPA says so, and a retry needs the person's confirmation.
 */
export function mayHaveBeenSent(errorCode: string | null): boolean {
  return errorCode === SENT_DESPITE_ERROR_CODE || errorCode === TIMEOUT_ERROR_CODE ||
    errorCode === NO_MESSAGE_ID_ERROR_CODE;
}
