-- Contacts: one per (channel account, external participant id) - an Instagram user as seen by one
-- of our accounts (IGSIDs are scoped per account). The profile is filled in by webhook ingestion.

-- trigram search (the indexes below); a new Supabase project does not have it enabled
create extension if not exists pg_trgm with schema extensions;

alter table public.channel_accounts add constraint channel_accounts_id_imo_id_key unique (id, imo_id);

create table public.contacts (
  id uuid primary key default gen_random_uuid(),
  imo_id uuid not null,
  channel_account_id uuid not null,
  external_id text not null,
  username text,
  display_name text,
  profile_picture_url text,
  follower_count integer check (follower_count is null or follower_count >= 0),
  is_verified boolean,
  is_user_follow_business boolean,
  is_business_follow_user boolean,
  profile_fetched_at timestamptz,
  profile_fetch_attempts integer not null default 0,
  profile_fetch_error text,
  is_priority boolean not null default false,
  recruiting_lead_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- a contact always belongs to its account's IMO
  foreign key (channel_account_id, imo_id) references public.channel_accounts (id, imo_id) on delete cascade,
  foreign key (recruiting_lead_id, imo_id) references public.recruiting_leads (id, imo_id)
    on delete set null (recruiting_lead_id),
  unique (channel_account_id, external_id),
  unique (id, imo_id)
);
create index contacts_imo_id_idx on public.contacts (imo_id);
create index contacts_recruiting_lead_id_idx on public.contacts (recruiting_lead_id);
create index contacts_username_trgm_idx on public.contacts using gin (username extensions.gin_trgm_ops);
create index contacts_display_name_trgm_idx on public.contacts using gin (display_name extensions.gin_trgm_ops);
create index contacts_profile_pending_idx on public.contacts (profile_fetch_attempts)
  where profile_fetched_at is null;
comment on table public.contacts is 'People who message our accounts, one row per account and participant.';

create trigger contacts_touch_updated_at before update on public.contacts
  for each row execute function private.touch_updated_at();

alter table public.contacts enable row level security;

revoke all on table public.contacts from anon, authenticated;
grant select on table public.contacts to authenticated;
grant update (is_priority, recruiting_lead_id) on table public.contacts to authenticated;
grant all on table public.contacts to service_role;

-- Contacts are created by ingestion (service role); members read them and flag priority or a lead.
create policy "Contacts can be read by members of the IMO" on public.contacts
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
create policy "Contacts can be flagged by members of the IMO" on public.contacts
  for update to authenticated
  using (imo_id in (select private.imos_for_current_user()))
  with check (imo_id in (select private.imos_for_current_user()));
