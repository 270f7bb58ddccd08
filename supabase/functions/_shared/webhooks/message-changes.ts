import type { Tx } from "../db.ts";

/** A stored message as the events that change it find it. */
export interface StoredMessage {
  id: string;
  conversation_id: string;
  sent_at: Date;
}

/** One version of an edited message: num_edit 0 is the text as first sent. */
interface Version {
  num_edit: number | null;
  text: string | null;
  at: string;
}

/**
 * The contact unsent the message: its content goes (its edits too), the row stays so the thread
 * keeps its shape. The earliest unsend counts; the same one again writes nothing.
 */
export async function applyUnsend(tx: Tx, target: StoredMessage, at: Date) {
  const [deleted] = await tx`
    update public.messages set deleted_at = ${at}, text = null, attachments = '[]'::jsonb, edits = '[]'::jsonb
    where id = ${target.id} and (deleted_at is null or deleted_at > ${at})
    returning id`;
  if (!deleted) return;
  // the inbox list must not keep showing what the contact took back
  await tx`
    update public.conversations set last_message_preview = 'Unsent a message'
    where id = ${target.conversation_id} and last_message_at = ${target.sent_at}
      and last_message_preview is distinct from 'Unsent a message'`;
}

/**
 * The contact edited the message (`message_edit`): it shows the latest version by event time, and
 * every version is kept in `edits`, the first as sent included, whatever order the edits arrive
 * in. An unsent message stays empty; an edit already kept writes nothing.
 */
export async function applyEdit(
  tx: Tx,
  target: StoredMessage,
  edit: Record<string, unknown>,
  at: Date,
) {
  const [message] = await tx<
    { text: string | null; edits: Version[]; deleted_at: Date | null }[]
  >`select text, edits, deleted_at from public.messages where id = ${target.id}`;
  if (!message || message.deleted_at) return;
  const version: Version = {
    num_edit: typeof edit.num_edit === "number" ? edit.num_edit : null,
    text: typeof edit.text === "string" ? edit.text : null,
    at: at.toISOString(),
  };
  const versions = message.edits.length
    ? [...message.edits]
    : [{ num_edit: 0, text: message.text, at: target.sent_at.toISOString() }];
  if (versions.some((v) => v.at === version.at && v.num_edit === version.num_edit)) return;
  versions.push(version);
  versions.sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : (a.num_edit ?? 0) - (b.num_edit ?? 0)
  );
  await tx`
    update public.messages set edits = ${tx.json(versions as never)}, text = ${
    versions.at(-1)!.text
  }
    where id = ${target.id}`;
  await tx`
    update public.conversations c set last_message_preview = p.preview
    from public.messages m, private.message_preview(m.type, m.text, m.attachments) p (preview)
    where m.id = ${target.id} and c.id = m.conversation_id and c.last_message_at = m.sent_at
      and c.last_message_preview is distinct from p.preview`;
}
