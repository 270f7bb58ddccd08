import type {
  CreateScheduledMessage,
  UpdateScheduledMessage,
} from "../../../../shared/src/contracts/scheduled-messages.ts";
import {
  type ScheduledMessage,
  scheduledMessageSchema,
} from "../../../../shared/src/schemas/scheduled-message.ts";
import type { Tx } from "../db.ts";
import { HttpError } from "../http.ts";

/** scheduled_messages' queries for members, inside `withUser`: RLS and the column grants decide. */

const COLUMNS = Object.keys(scheduledMessageSchema.shape);
const toScheduled = (row: unknown): ScheduledMessage =>
  scheduledMessageSchema.parse(JSON.parse(JSON.stringify(row)));

export async function listScheduled(tx: Tx, conversationId: string) {
  const rows = await tx`
    select ${tx(COLUMNS)} from public.scheduled_messages
    where conversation_id = ${conversationId}
    order by status <> 'pending', case when status = 'pending' then scheduled_for end nulls last,
      updated_at desc, id
    limit 200`;
  return rows.map(toScheduled);
}

export async function insertScheduled(
  tx: Tx,
  conversation: { id: string; imo_id: string; channel_account_id: string },
  input: CreateScheduledMessage,
  text: string,
) {
  const [row] = await tx`
    insert into public.scheduled_messages (imo_id, channel_account_id, conversation_id, template_id,
      text, scheduled_for, wait_for_reply, cancel_if_reply)
    values (${conversation.imo_id}, ${conversation.channel_account_id}, ${conversation.id},
      ${input.template_id ?? null}, ${text}, ${input.scheduled_for ?? null},
      ${input.wait_for_reply ?? false}, ${input.cancel_if_reply ?? false})
    returning ${tx(COLUMNS)}`;
  return toScheduled(row);
}

/**
 * The scheduled message as the caller may change it: it exists for them (404), is still pending
 * (409 `not_pending`) and not yet handed to Meta (409 `already_sending`), and they wrote it or
 * are an owner or admin (403).
 */
export async function requireEditable(tx: Tx, id: string) {
  const [row] = await tx`
    select ${tx(COLUMNS)}, created_by = (select auth.uid())
      or (select private.has_role(imo_id, '{owner,admin}')) as editable
    from public.scheduled_messages where id = ${id}`;
  if (!row) throw new HttpError(404, "scheduled_message_not_found", "No such scheduled message");
  const scheduled = toScheduled(row);
  if (scheduled.status !== "pending") {
    throw new HttpError(409, "not_pending", `This message is already ${scheduled.status}`, {
      status: scheduled.status,
    });
  }
  if (scheduled.sent_message_id) {
    throw new HttpError(409, "already_sending", "This message is being sent");
  }
  if (!row.editable) {
    throw new HttpError(
      403,
      "forbidden",
      "Only its author, an owner or an admin can change a scheduled message",
    );
  }
  return scheduled;
}

/** The changes asked for; the database keeps the options consistent (one time or the wait). */
export async function updateScheduled(
  tx: Tx,
  current: ScheduledMessage,
  input: UpdateScheduledMessage,
) {
  const waiting = input.wait_for_reply ??
    (input.scheduled_for === undefined ? current.wait_for_reply : false);
  const cancelIfReply = waiting ? false : input.cancel_if_reply ?? current.cancel_if_reply;
  if (waiting && input.cancel_if_reply) {
    throw new HttpError(
      422,
      "validation_failed",
      "A message that waits for their reply cannot be cancelled by it",
    );
  }
  const changes = {
    wait_for_reply: waiting,
    cancel_if_reply: cancelIfReply,
    // waiting again means no time until they write
    scheduled_for: input.wait_for_reply ? null : input.scheduled_for ?? current.scheduled_for,
    ...(input.text === undefined ? {} : { text: input.text, template_id: null }),
  };
  const [row] = await tx`
    update public.scheduled_messages set ${tx(changes)}
    where id = ${current.id} and status = 'pending' and sent_message_id is null
    returning ${tx(COLUMNS)}`;
  if (!row) throw new HttpError(409, "already_sending", "This message is being sent");
  return toScheduled(row);
}

export async function cancelScheduled(tx: Tx, id: string) {
  const [row] = await tx`
    update public.scheduled_messages set status = 'cancelled'
    where id = ${id} and status = 'pending' and sent_message_id is null
    returning ${tx(COLUMNS)}`;
  if (!row) throw new HttpError(409, "already_sending", "This message is being sent");
  return toScheduled(row);
}
