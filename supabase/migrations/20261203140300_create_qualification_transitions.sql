-- Every move of a conversation's qualification state (new → qualifying → qualified → booked →
-- closed, shared/src/rules/qualification.ts) with who or what moved it: a person (their user id),
-- or the AI (the analysed message that moved it and why). Recorded by a trigger, so no path that
-- changes the state can skip it. Members read their IMO's; nobody writes it directly.
-- Creates: qualification_transitions, trigger conversations_record_qualification.

create table public.qualification_transitions (
  id bigint generated always as identity primary key,
  imo_id uuid not null references public.imos (id) on delete cascade,
  conversation_id uuid not null,
  from_state public.qualification_state not null,
  to_state public.qualification_state not null,
  moved_by_kind text not null check (moved_by_kind in ('person', 'ai', 'system')),
  moved_by_user_id uuid references auth.users (id) on delete set null,
  message_id uuid references public.messages (id) on delete set null,
  reason text,
  created_at timestamptz not null default now(),
  foreign key (conversation_id, imo_id) references public.conversations (id, imo_id) on delete cascade,
  check (moved_by_kind <> 'person' or moved_by_user_id is not null)
);
create index qualification_transitions_conversation_idx
  on public.qualification_transitions (conversation_id, created_at desc);
create index qualification_transitions_imo_id_idx on public.qualification_transitions (imo_id);
create index qualification_transitions_moved_by_user_id_idx
  on public.qualification_transitions (moved_by_user_id);
create index qualification_transitions_message_id_idx on public.qualification_transitions (message_id);
comment on table public.qualification_transitions is
  'Each change of a conversation''s qualification_state, with the person or the AI (and its message and reason) that made it.';

alter table public.qualification_transitions enable row level security;
revoke all on table public.qualification_transitions from anon, authenticated;
grant select on table public.qualification_transitions to authenticated;
grant all on table public.qualification_transitions to service_role;

create policy "Qualification transitions can be read by members of the IMO"
  on public.qualification_transitions for select to authenticated
  using (imo_id in (select private.imos_for_current_user()));

/*
 * AFTER UPDATE OF qualification_state: one row per actual change. The actor is the signed-in user
 * when there is one; otherwise the AI when the transaction says so with
 * set_config('dmdesk.ai_move', '{"message_id": ..., "reason": ...}', true) (the assistant does),
 * else the system (a service job, the SQL editor).
 */
create function private.record_qualification_transition() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  person uuid := (select auth.uid());
  ai_move jsonb := nullif(current_setting('dmdesk.ai_move', true), '')::jsonb;
begin
  if new.qualification_state is distinct from old.qualification_state then
    insert into public.qualification_transitions (imo_id, conversation_id, from_state, to_state,
      moved_by_kind, moved_by_user_id, message_id, reason)
    values (new.imo_id, new.id, old.qualification_state, new.qualification_state,
      case when person is not null then 'person' when ai_move is not null then 'ai' else 'system' end,
      person,
      case when person is null then (ai_move ->> 'message_id')::uuid end,
      case when person is null then ai_move ->> 'reason' end);
  end if;
  return null;
end
$$;
revoke execute on function private.record_qualification_transition() from public;

create trigger conversations_record_qualification after update of qualification_state
  on public.conversations for each row execute function private.record_qualification_transition();
