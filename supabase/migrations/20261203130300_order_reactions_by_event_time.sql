-- Reactions in event order, not arrival order: an unreact that arrives before the older react it
-- undoes must still leave no reaction. The time of the latest reaction event applied is kept per
-- person (`contact`, `user`); an older event for the same person changes nothing. Rows reacted to
-- before this column need nothing written: a reaction carries its own time (`at`), which stands in.
-- Changes: messages.reactions_changed_at.

alter table public.messages
  add column reactions_changed_at jsonb not null default '{}'::jsonb
    check (jsonb_typeof(reactions_changed_at) = 'object');
comment on column public.messages.reactions_changed_at is
  '{"contact"|"user": the time of the latest reaction event applied for that person}';
