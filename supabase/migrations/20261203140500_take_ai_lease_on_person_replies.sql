-- The takeover lease (issue 13, seed 000's kill switch): a person's reply from the app holds the AI
-- off the conversation for the IMO's lease_minutes (30 by default); the Instagram app's echo does
-- the same in the webhook (outbound-echo.ts). Members take and give back the lease with the two
-- functions below (a button and "resume AI"); they have no grant on the lease's columns.
-- Changes: trigger messages_take_ai_lease; functions public.take_ai_lease, public.resume_ai.

/*
 * AFTER INSERT on messages: a person's reply (author_kind 'user', queued to send) takes the lease
 * when the conversation's AI is on, for lease_minutes from now, in that person's name. Only
 * extends: an earlier, longer hold stays.
 */
create function private.take_ai_lease_on_reply() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.author_kind = 'user' and new.direction = 'outbound' and new.status <> 'draft' then
    update public.conversations c set
      ai_takeover_until = greatest(c.ai_takeover_until, now() + make_interval(mins => coalesce(
        (select s.lease_minutes from public.ai_settings s where s.imo_id = c.imo_id), 30))),
      ai_takeover_by = new.author_user_id
    where c.id = new.conversation_id and c.ai_mode <> 'off';
  end if;
  return null;
end
$$;
revoke execute on function private.take_ai_lease_on_reply() from public;

create trigger messages_take_ai_lease after insert on public.messages
  for each row execute function private.take_ai_lease_on_reply();

/*
 * take_ai_lease(conversation_id, minutes): the caller takes the conversation over from the AI for
 * `minutes` (default: the IMO's lease_minutes). Security definer because members have no grant on
 * the lease; membership is checked here. Returns the lease's end, or null when the conversation is
 * not the caller's to see.
 */
create function public.take_ai_lease(conversation_id uuid, minutes integer default null)
returns timestamptz
language plpgsql security definer set search_path = '' as $$
declare
  held_until timestamptz;
begin
  update public.conversations c set
    ai_takeover_until = now() + make_interval(mins => least(greatest(coalesce(minutes,
      (select s.lease_minutes from public.ai_settings s where s.imo_id = c.imo_id), 30), 1), 240)),
    ai_takeover_by = (select auth.uid())
  where c.id = take_ai_lease.conversation_id
    and c.imo_id in (select private.imos_for_current_user())
  returning c.ai_takeover_until into held_until;
  return held_until;
end
$$;
revoke execute on function public.take_ai_lease(uuid, integer) from public, anon;
grant execute on function public.take_ai_lease(uuid, integer) to authenticated;

/* resume_ai(conversation_id): the lease ends now; false when the conversation is not the caller's. */
create function public.resume_ai(conversation_id uuid) returns boolean
language plpgsql security definer set search_path = '' as $$
begin
  update public.conversations c set ai_takeover_until = null, ai_takeover_by = null
  where c.id = resume_ai.conversation_id and c.imo_id in (select private.imos_for_current_user());
  return found;
end
$$;
revoke execute on function public.resume_ai(uuid) from public, anon;
grant execute on function public.resume_ai(uuid) to authenticated;
