-- Conversations: a Bluesky contact can both mention or reply to us in public and write to us in
-- private, and those must stay apart: a recruiter's answer goes out the way the conversation came
-- in, so a reply meant for a DM can never be posted in public. Each contact now has at most one
-- conversation of each kind: `direct` (Instagram DMs, Bluesky DMs) and `public` (a Bluesky
-- person's mentions and replies, per author: see docs/bluesky.md §3 and README "Bluesky").
-- Changes: conversations gets `kind` (default direct, so every existing row is direct), and the
-- unique (channel_account_id, contact_id) becomes unique (channel_account_id, contact_id, kind).

create type public.conversation_kind as enum ('direct', 'public');

alter table public.conversations
  add column kind public.conversation_kind not null default 'direct';
comment on column public.conversations.kind is
  'direct: private messages; public: a contact''s posts that mention or reply to the account.';

alter table public.conversations
  drop constraint conversations_channel_account_id_contact_id_key;
alter table public.conversations
  add constraint conversations_channel_account_id_contact_id_kind_key
  unique (channel_account_id, contact_id, kind);
