import { z } from "zod";
import { fromBase64Url, toBase64Url } from "../encoding/base64url.ts";

/**
 * A keyset cursor over a list ordered newest first: the last row's time and id, opaque to the
 * client (base64url of `[at, id]`). Keyset rather than offset so that a page stays right while new
 * messages move rows to the top.
 */
export interface InboxCursor {
  at: string;
  id: string;
}

const cursorTupleSchema = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);

export const encodeInboxCursor = (cursor: InboxCursor) =>
  toBase64Url(new TextEncoder().encode(JSON.stringify([cursor.at, cursor.id])));

/** A query parameter holding a cursor this API handed out. */
export const inboxCursorSchema = z.string().max(200).transform((text, context): InboxCursor => {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(fromBase64Url(text)));
  } catch {
    value = undefined;
  }
  const parsed = cursorTupleSchema.safeParse(value);
  if (!parsed.success) {
    context.addIssue({ code: "custom", message: "Not a cursor this API handed out" });
    return z.NEVER;
  }
  return { at: parsed.data[0], id: parsed.data[1] };
});

/** A yes/no query parameter: `true`/`1` or `false`/`0` (a query string has no booleans). */
export const queryFlagSchema = z.enum(["true", "false", "1", "0"]).transform((v) =>
  v === "true" || v === "1"
);

export const pageLimitSchema = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);
