-- Message edits (Meta's `message_edit` webhook event, docs/meta-platform.md §3): the message shows
-- its latest text, and every version is kept, the first one as sent included, so that what the
-- contact wrote before an edit is never lost. Written by ingestion only (members write no column
-- of a stored message).
-- Changes: messages.edits.

alter table public.messages
  add column edits jsonb not null default '[]'::jsonb check (jsonb_typeof(edits) = 'array');
comment on column public.messages.edits is
  '[{num_edit, text, at}] oldest first: num_edit 0 is the text as first sent; empty when never edited.';
