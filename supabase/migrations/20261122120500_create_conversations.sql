-- Conversations: one thread per contact on a channel account, carrying what the inbox list needs
-- (last message, preview, unread count), the messaging window, assignment, AI mode with its
-- takeover lease, qualification state and lead-source attribution.

create type public.ai_mode as enum ('off', 'supervised', 'autopilot');
create type public.qualification_state as enum ('new', 'qualifying', 'qualified', 'booked', 'closed');

create table public.conversations (
  id uuid primary key default gen_random_uuid(),
  imo_id uuid not null,
  channel_account_id uuid not null,
  contact_id uuid not null,
  external_conversation_id text,
  last_message_at timestamptz,
  last_message_preview text,
  last_message_direction text check (last_message_direction in ('inbound', 'outbound')),
  unread_count integer not null default 0 check (unread_count >= 0),
  last_read_at timestamptz,
  last_inbound_at timestamptz,
  -- Meta's standard window: 24 h after the contact's last message
  can_reply_until timestamptz,
  -- the HUMAN_AGENT tag's horizon: 7 days after the contact's last message
  human_agent_until timestamptz,
  -- true while every message is a story mention: automation must not greet these
  only_story_mentions boolean not null default false,
  is_priority boolean not null default false,
  recruiting_lead_id uuid,
  assigned_to uuid,
  ai_mode public.ai_mode not null default 'off',
  -- a person who replies takes the conversation over from the AI until this time
  ai_takeover_until timestamptz,
  ai_takeover_by uuid,
  qualification_state public.qualification_state not null default 'new',
  -- where the contact came from (ad, ig.me link): Meta's referral, kept as first seen
  lead_source_type text,
  lead_source_ref text,
  lead_source_ad_id text,
  lead_source_referral jsonb,
  lead_source_at timestamptz,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (channel_account_id, imo_id) references public.channel_accounts (id, imo_id) on delete cascade,
  foreign key (contact_id, imo_id) references public.contacts (id, imo_id) on delete cascade,
  -- every link stays inside the IMO: a lead of this IMO, an assignee who is a member of it
  foreign key (recruiting_lead_id, imo_id) references public.recruiting_leads (id, imo_id)
    on delete set null (recruiting_lead_id),
  foreign key (imo_id, assigned_to) references public.imo_members (imo_id, user_id)
    on delete set null (assigned_to),
  foreign key (imo_id, ai_takeover_by) references public.imo_members (imo_id, user_id)
    on delete set null (ai_takeover_by),
  unique (channel_account_id, contact_id),
  unique (id, imo_id)
);
-- The inbox: newest first, id as tie-break for keyset pagination, per account and per IMO.
create index conversations_account_inbox_idx
  on public.conversations (channel_account_id, last_message_at desc nulls last, id desc);
create index conversations_imo_inbox_idx
  on public.conversations (imo_id, last_message_at desc nulls last, id desc);
create index conversations_unread_inbox_idx
  on public.conversations (imo_id, last_message_at desc nulls last, id desc) where unread_count > 0;
create index conversations_priority_inbox_idx
  on public.conversations (imo_id, last_message_at desc nulls last, id desc) where is_priority;
create index conversations_assigned_to_idx on public.conversations (assigned_to, last_message_at desc);
create index conversations_contact_id_idx on public.conversations (contact_id);
create index conversations_recruiting_lead_id_idx on public.conversations (recruiting_lead_id);
create index conversations_preview_trgm_idx
  on public.conversations using gin (last_message_preview extensions.gin_trgm_ops);
comment on table public.conversations is
  'Inbox threads; last message, unread count and window kept by the messages trigger.';

create trigger conversations_touch_updated_at before update on public.conversations
  for each row execute function private.touch_updated_at();

-- Every message rewrites its conversation (and so every index entry): vacuum it early.
alter table public.conversations set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);

-- seed 002: recruiting_leads link back to the Instagram conversation they came from
alter table public.recruiting_leads
  add column conversation_id uuid,
  add foreign key (conversation_id, imo_id) references public.conversations (id, imo_id)
    on delete set null (conversation_id);
create index recruiting_leads_conversation_id_idx on public.recruiting_leads (conversation_id);

alter table public.conversations enable row level security;

revoke all on table public.conversations from anon, authenticated;
grant select on table public.conversations to authenticated;
-- members triage; counters and the window are the trigger's (and the mark-read function's)
grant update (
  is_priority, recruiting_lead_id, assigned_to, ai_mode, ai_takeover_until, ai_takeover_by,
  qualification_state, archived_at, unread_count, last_read_at
) on table public.conversations to authenticated;
grant all on table public.conversations to service_role;

create policy "Conversations can be read by members of the IMO" on public.conversations
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
create policy "Conversations can be triaged by members of the IMO" on public.conversations
  for update to authenticated
  using (imo_id in (select private.imos_for_current_user()))
  with check (imo_id in (select private.imos_for_current_user()));

/*
 * mark_conversation_read(conversation_id): the caller has seen the thread. Runs as the caller, so
 * RLS decides; returns false when the conversation is not visible to them.
 */
create function public.mark_conversation_read(conversation_id uuid) returns boolean
language plpgsql security invoker set search_path = '' as $$
begin
  update public.conversations c
  set unread_count = 0, last_read_at = now()
  where c.id = mark_conversation_read.conversation_id;
  return found;
end
$$;
revoke execute on function public.mark_conversation_read(uuid) from public, anon;
grant execute on function public.mark_conversation_read(uuid) to authenticated, service_role;

/*
 * private.search_conversations(imo, query, max_rows): conversations of an IMO whose contact
 * username or name, or last message preview, contain `query` (case-insensitive), newest first.
 * security definer because `ilike` is not leakproof: under RLS Postgres will not use the trigram
 * indexes; membership is checked here instead, once. Returns ids; callers read the rows under RLS
 * with `where id = any(array(select conversation_id from private.search_conversations(...)))`.
 */
create function private.search_conversations(imo uuid, query text, max_rows integer default 50)
returns table (conversation_id uuid, last_message_at timestamptz)
language plpgsql stable security definer set search_path = '' rows 50 as $$
declare
  pattern text := '%' || replace(replace(replace(query, '\', '\\'), '%', '\%'), '_', '\_') || '%';
begin
  if not private.is_member(imo) or length(trim(query)) < 2 then
    return;
  end if;
  return query
    select hit.id, hit.last_message_at from (
      select c.id, c.last_message_at from public.conversations c
      where c.imo_id = imo and c.last_message_preview ilike pattern
      union
      select c.id, c.last_message_at from public.contacts k
      join public.conversations c on c.contact_id = k.id
      where k.imo_id = imo and (k.username ilike pattern or k.display_name ilike pattern)
    ) hit
    order by hit.last_message_at desc nulls last, hit.id desc
    limit least(greatest(max_rows, 1), 200);
end
$$;
revoke execute on function private.search_conversations(uuid, text, integer) from public;
grant execute on function private.search_conversations(uuid, text, integer) to authenticated, service_role;
