import type { Tx } from "../../db.ts";

export interface DraftTarget {
  imo_id: string;
  channel_account_id: string;
  conversation_id: string;
  /** the inbound message the draft answers */
  reply_to_message_id: string;
}

/**
 * The conversation's one open AI draft becomes `text` (a newer message's draft replaces the
 * older one: answering a question the contact has moved on from helps nobody). Stored as a
 * `draft` message by the AI: the thread's trigger leaves drafts out of the inbox, and the SPA
 * shows it above the composer for a person to approve, edit or discard.
 */
export async function storeDraft(tx: Tx, target: DraftTarget, text: string): Promise<string> {
  await tx`delete from public.messages
    where conversation_id = ${target.conversation_id} and author_kind = 'ai' and status = 'draft'`;
  const [row] = await tx<{ id: string }[]>`
    insert into public.messages (imo_id, channel_account_id, conversation_id, direction, author_kind,
      type, text, status, ai_reply_to_message_id)
    values (${target.imo_id}, ${target.channel_account_id}, ${target.conversation_id}, 'outbound',
      'ai', 'text', ${text}, 'draft', ${target.reply_to_message_id})
    returning id`;
  return row!.id;
}

export interface OpenDraft {
  id: string;
  imo_id: string;
  channel_account_id: string;
  conversation_id: string;
  text: string;
  ai_reply_to_message_id: string | null;
  created_at: Date;
}

/** The open draft with this id, as the caller may see it (under RLS), locked for the decision. */
export async function lockDraft(tx: Tx, draftId: string): Promise<OpenDraft | undefined> {
  const [draft] = await tx<OpenDraft[]>`
    select id, imo_id, channel_account_id, conversation_id, text, ai_reply_to_message_id, created_at
    from public.messages
    where id = ${draftId} and author_kind = 'ai' and status = 'draft'
    for update`;
  return draft;
}

/** The conversation's open draft, if any (the AI panel). */
export async function openDraft(tx: Tx, conversationId: string): Promise<OpenDraft | undefined> {
  const [draft] = await tx<OpenDraft[]>`
    select id, imo_id, channel_account_id, conversation_id, text, ai_reply_to_message_id, created_at
    from public.messages
    where conversation_id = ${conversationId} and author_kind = 'ai' and status = 'draft'`;
  return draft;
}
