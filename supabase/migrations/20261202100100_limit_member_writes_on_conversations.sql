-- Conversations: members write only what they triage. The counters, the inbox clock, the reply
-- windows, the read time and the AI takeover lease are written by the messages trigger and by
-- functions; a member who could set unread_count to 2^31 - 1 made the next inbound message
-- overflow and abort its whole webhook delivery (issue 8).
-- Changes: the update grant of authenticated on conversations (column list), mark-as-read as a
-- security definer function that checks membership, archived_at dated by the server.

revoke insert, update on table public.conversations from authenticated;
grant update (
  is_priority, recruiting_lead_id, assigned_to, ai_mode, qualification_state, archived_at
) on table public.conversations to authenticated;

create trigger conversations_stamp_archived_at before update of archived_at on public.conversations
  for each row execute function private.stamp_with_now('archived_at');

/*
 * mark_conversation_read(conversation_id): the caller has seen the thread; its unread count goes to
 * 0. Security definer because members have no grant on unread_count or last_read_at; it checks
 * membership itself and returns false when the conversation is not in one of the caller's IMOs
 * (so the service role, which is in none, gets false: it writes the columns directly).
 */
create or replace function public.mark_conversation_read(conversation_id uuid) returns boolean
language plpgsql security definer set search_path = '' as $$
begin
  update public.conversations c
  set unread_count = 0, last_read_at = now()
  where c.id = mark_conversation_read.conversation_id
    and c.imo_id in (select private.imos_for_current_user());
  return found;
end
$$;
revoke execute on function public.mark_conversation_read(uuid) from public, anon;
grant execute on function public.mark_conversation_read(uuid) to authenticated, service_role;
