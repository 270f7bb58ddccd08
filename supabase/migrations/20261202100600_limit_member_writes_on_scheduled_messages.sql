-- Scheduled messages: only the author, an owner or an admin edits or cancels one (any member could
-- rewrite a colleague's queued text, then sent under the colleague's name); members write the text,
-- the time and the cancellation, and the server writes the rest: the author (created_by, a
-- default), the reply window as it stands when scheduled, who cancelled and when, and the
-- sender's attempts, errors and outcome (issue 8).
-- Changes: created_by defaults to auth.uid(); insert and update grants of authenticated (column
-- lists); the update policy; triggers that record the window and sign cancellations.

alter table public.scheduled_messages alter column created_by set default auth.uid();

revoke insert, update on table public.scheduled_messages from authenticated;
grant insert (imo_id, channel_account_id, conversation_id, template_id, text, scheduled_for)
  on table public.scheduled_messages to authenticated;
grant update (text, scheduled_for, status) on table public.scheduled_messages to authenticated;

drop policy "Pending scheduled messages can be edited or cancelled by members"
  on public.scheduled_messages;
-- a cancellation is an edit of status; the trigger below signs it
create policy "Scheduled messages can be edited by authors, owners, admins"
  on public.scheduled_messages for update to authenticated
  using (
    status = 'pending' and imo_id in (select private.imos_for_current_user())
    and (created_by = (select auth.uid()) or (select private.has_role(imo_id, '{owner,admin}')))
  )
  with check (
    status in ('pending', 'cancelled') and imo_id in (select private.imos_for_current_user())
    and (created_by = (select auth.uid()) or (select private.has_role(imo_id, '{owner,admin}')))
  );

/*
 * private.record_scheduled_window(): BEFORE INSERT. window_expires_at is the conversation's reply
 * window as it stands now (the sender re-checks the live one). Security invoker: the inserting
 * member reads the conversation under RLS; a conversation they cannot see gives null, and the
 * insert policy refuses the row anyway.
 */
create function private.record_scheduled_window() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.window_expires_at := (
    select c.can_reply_until from public.conversations c where c.id = new.conversation_id
  );
  return new;
end
$$;
revoke execute on function private.record_scheduled_window() from public;

create trigger scheduled_messages_record_window before insert on public.scheduled_messages
  for each row execute function private.record_scheduled_window();

/*
 * private.sign_scheduled_cancellation(): BEFORE UPDATE OF status. When a message becomes
 * cancelled, cancelled_at is now and cancelled_by the signed-in user who cancelled it; the service
 * role (no user) keeps what it wrote, for a function cancelling on a user's behalf.
 */
create function private.sign_scheduled_cancellation() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status = 'cancelled' and old.status <> 'cancelled' then
    new.cancelled_at := now();
    new.cancelled_by := coalesce((select auth.uid()), new.cancelled_by);
  end if;
  return new;
end
$$;
revoke execute on function private.sign_scheduled_cancellation() from public;

create trigger scheduled_messages_sign_cancellation
  before update of status on public.scheduled_messages
  for each row execute function private.sign_scheduled_cancellation();
