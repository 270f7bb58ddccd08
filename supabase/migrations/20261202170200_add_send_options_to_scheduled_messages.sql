-- Scheduled messages learn the options of issue 11: "send when they next write" (wait_for_reply:
-- no time until the contact writes, then due at once), "cancel if they reply first"
-- (cancel_if_reply), where a row comes from (origin: a member, or the auto-reminder rule), and the
-- lease a processor holds while it sends one (lease_until), so that runs side by side never take
-- the same row. A waiting row has no scheduled_for until the contact's message sets it.
-- Changes: columns wait_for_reply, cancel_if_reply, origin, lease_until, released_at;
-- scheduled_for nullable; unique (id, conversation_id); one reminder per window; member grants
-- and the edit policy (nothing in flight is edited).

alter table public.scheduled_messages add column wait_for_reply boolean not null default false;
alter table public.scheduled_messages add column cancel_if_reply boolean not null default false;
alter table public.scheduled_messages add column origin text not null default 'member'
  check (origin in ('member', 'auto_reminder'));
-- a processor's claim: nobody else takes the row before this time
alter table public.scheduled_messages add column lease_until timestamptz;
-- when the contact's message made a waiting row due
alter table public.scheduled_messages add column released_at timestamptz;

alter table public.scheduled_messages alter column scheduled_for drop not null;
alter table public.scheduled_messages
  add constraint scheduled_messages_due_check check (scheduled_for is not null or wait_for_reply),
  -- a message waiting for the reply cannot also be cancelled by it
  add constraint scheduled_messages_reply_options_check check (not (wait_for_reply and cancel_if_reply)),
  add constraint scheduled_messages_id_conversation_id_key unique (id, conversation_id);

-- the auto-reminder's "at most one per window": window_expires_at names the window
create unique index scheduled_messages_one_reminder_per_window_idx
  on public.scheduled_messages (conversation_id, window_expires_at) where origin = 'auto_reminder';
-- the rows a contact's message releases or cancels
create index scheduled_messages_waiting_idx on public.scheduled_messages (conversation_id)
  where status = 'pending' and (wait_for_reply or cancel_if_reply);

grant insert (wait_for_reply, cancel_if_reply) on table public.scheduled_messages to authenticated;
-- a member who rewrites a template's text makes it plain text (template_id null)
grant update (wait_for_reply, cancel_if_reply, template_id) on table public.scheduled_messages
  to authenticated;

-- once the processor has stored the message it sends (sent_message_id), the row is no longer the
-- member's to edit or cancel: Meta may already have it
drop policy "Scheduled messages can be edited by authors, owners, admins"
  on public.scheduled_messages;
create policy "Scheduled messages can be edited by authors, owners, admins"
  on public.scheduled_messages for update to authenticated
  using (
    status = 'pending' and sent_message_id is null
    and imo_id in (select private.imos_for_current_user())
    and (created_by = (select auth.uid()) or (select private.has_role(imo_id, '{owner,admin}')))
  )
  with check (
    status in ('pending', 'cancelled') and imo_id in (select private.imos_for_current_user())
    and (created_by = (select auth.uid()) or (select private.has_role(imo_id, '{owner,admin}')))
  );
