import { asService } from "../db.ts";

/** A due scheduled message this processor holds the lease of. */
export interface ClaimedRow {
  id: string;
  conversation_id: string;
  channel_account_id: string;
}

/** Which conversations a pass looks at; none given: all. */
export interface ProcessScope {
  conversationIds?: string[];
  /** the conversations of these contacts (what a webhook delivery touched) */
  contactIds?: string[];
  /** only rows the contact's message released ("send when they next write") */
  releasedOnly?: boolean;
}

/**
 * Longer than a processor needs for a batch, even waiting for the rate governor: a lease that ran
 * out would let another run take the row while this one still sends it (and that one would find
 * the message already stored under the row's key, and send nothing: see storeMessages).
 */
export const LEASE = "2 minutes";

/**
 * Takes up to `limit` due rows, oldest first, under a lease: pending, due by `now`, not yet handed
 * to Meta, and not leased by another run. `for update skip locked` lets runs claim side by side
 * without waiting for each other or taking the same row; the lease keeps the row theirs after
 * this short transaction commits.
 *
 * The rows come back in the order they are sent. Rows one reply released share their
 * `scheduled_for` (the reply's time), so the order they were queued in decides; and an UPDATE
 * returns its rows in whatever order its plan visits them, so the order is imposed on the result.
 */
export async function claimDue(now: Date, scope: ProcessScope, limit: number) {
  return await asService(async (tx) => {
    const rows = await tx<ClaimedRow[]>`
      with due as (
        select s.id, s.scheduled_for, s.created_at from public.scheduled_messages s
        where s.status = 'pending' and s.scheduled_for <= ${now} and s.sent_message_id is null
          and (s.lease_until is null or s.lease_until <= ${now})
          ${
      scope.conversationIds
        ? tx`and s.conversation_id = any(${scope.conversationIds}::uuid[])`
        : tx``
    }
          ${
      scope.contactIds
        ? tx`and s.conversation_id in (select c.id from public.conversations c
                 where c.contact_id = any(${scope.contactIds}::uuid[]))`
        : tx``
    }
          ${scope.releasedOnly ? tx`and s.released_at is not null` : tx``}
        order by s.scheduled_for, s.created_at, s.id
        limit ${limit}
        for update skip locked
      ), claimed as (
        update public.scheduled_messages s
        set lease_until = ${now}::timestamptz + ${LEASE}::interval, attempts = s.attempts + 1
        from due where s.id = due.id
        returning s.id, s.conversation_id, s.channel_account_id, due.scheduled_for, due.created_at
      )
      select id, conversation_id, channel_account_id from claimed
      order by scheduled_for, created_at, id`;
    return [...rows];
  });
}
