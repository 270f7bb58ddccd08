import { z } from "zod";

/**
 * Primitives every row schema shares. Rows travel as JSON, so timestamps are ISO strings (PostgREST
 * and `to_json` write `+00:00`, `JSON.stringify(Date)` writes `Z`; both parse) and ids are uuids.
 */

/** A uuid primary or foreign key. */
export const idSchema = z.uuid();

/** A `timestamptz` as JSON: an ISO 8601 date-time with `Z` or an offset. */
export const timestampSchema = z.iso.datetime({ offset: true });

/** A `date` as JSON: `YYYY-MM-DD`. */
export const dateSchema = z.iso.date();
