import { z } from "zod";

/**
 * The `comments` and `mentions` webhook fields (docs/meta-platform.md §9 "Webhook"). Meta's
 * Instagram Login example puts `field` and `value` on the entry itself, while Facebook Login (and
 * Instagram Login deliveries as seen in practice) carry `entry.changes[]`: both are read. Parsed
 * leniently, like messaging events: Meta adds fields over time.
 */
const id = z.union([z.string().min(1), z.number()]).transform(String);

export const commentValueSchema = z.looseObject({
  // Instagram Login names the comment `id`, Facebook Login `comment_id`
  id: id.optional(),
  comment_id: id.optional(),
  text: z.string().optional(),
  from: z.looseObject({ id, username: z.string().optional() }).optional(),
  media: z.looseObject({
    id,
    media_product_type: z.string().optional(),
    ad_id: id.optional(),
    ad_title: z.string().optional(),
  }),
  parent_id: id.optional(),
  // not on Meta's Instagram pages; Page feed changes carry it, so it is honoured when present
  // (docs/meta-platform.md §9 "Edits and deletions")
  verb: z.string().optional(),
}).refine((value) => value.id !== undefined || value.comment_id !== undefined, {
  message: "a comment needs its id",
  path: ["id"],
});
export type CommentValue = z.infer<typeof commentValueSchema>;

export const mentionValueSchema = z.looseObject({
  media_id: id,
  comment_id: id.optional(),
});

/** One change of an entry: its field, its value and the entry's time (comments carry no other). */
export interface WebhookChange {
  field: string;
  value: unknown;
  /** entry.time as Meta sent it (seconds or milliseconds), if any */
  time?: number;
}

/** The fields this module applies; any other change is kept as an unknown event. */
export const COMMENT_FIELDS = new Set(["comments", "live_comments", "mentions"]);

/** The changes of one webhook entry, in the order Meta sent them. */
export function changesOf(entry: Record<string, unknown>): WebhookChange[] {
  const time = typeof entry.time === "number" ? entry.time : undefined;
  const changes: WebhookChange[] = [];
  if (Array.isArray(entry.changes)) {
    for (const change of entry.changes) {
      const item = change as { field?: unknown; value?: unknown } | null;
      changes.push({
        field: typeof item?.field === "string" ? item.field : "",
        value: item?.value,
        time,
      });
    }
  }
  if (typeof entry.field === "string") {
    changes.push({ field: entry.field, value: entry.value, time });
  }
  return changes;
}

/** Whether an envelope holds any change (a delivery of comments rather than messages). */
export function hasChanges(envelope: unknown): boolean {
  const entries = (envelope as { entry?: unknown })?.entry;
  return Array.isArray(entries) &&
    entries.some((entry) => changesOf((entry ?? {}) as Record<string, unknown>).length > 0);
}

/** A change as stored when it fails: recognisable by `field`, replayed by applyCommentChange. */
export const failedChangeSchema = z.looseObject({
  field: z.string(),
  value: z.unknown(),
  time: z.number().optional(),
});

export const isChange = (raw: unknown) =>
  typeof raw === "object" && raw !== null && "field" in raw && !("sender" in raw);
