-- A scheduled message ends as its message ends: `sent` when Meta took it (from the Send API's
-- answer, or an echo that came first, or later), `failed` with Meta's code when it refused. One
-- trigger on messages keeps the two in step, whoever changes the message (the processor, the
-- webhook's echo, a person retrying it).
-- Changes: private.settle_scheduled_message(), trigger messages_settle_scheduled_message.

/*
 * private.settle_scheduled_message(): AFTER UPDATE OF status on a message sent for a schedule,
 * when it leaves `pending` or `failed`. Security definer: a member retrying the message may not
 * write the schedule's outcome themselves.
 */
create function private.settle_scheduled_message() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.scheduled_messages s set
    status = case when new.status = 'failed' then 'failed' else 'sent' end::public.scheduled_message_status,
    sent_at = case when new.status = 'failed' then s.sent_at else coalesce(s.sent_at, now()) end,
    last_error = case when new.status = 'failed'
      then concat_ws(': ', new.error_code, new.error_message) end,
    lease_until = null
  where s.id = new.scheduled_message_id and s.sent_message_id = new.id;
  return new;
end
$$;
revoke execute on function private.settle_scheduled_message() from public;

create trigger messages_settle_scheduled_message after update of status on public.messages
  for each row
  when (new.scheduled_message_id is not null and old.status in ('pending', 'failed')
        and new.status not in ('pending', 'draft') and new.status <> old.status)
  execute function private.settle_scheduled_message();
