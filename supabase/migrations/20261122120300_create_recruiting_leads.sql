-- Recruiting leads: the people an IMO is recruiting, wherever they came from.
-- Creates: recruiting_leads with lead_source (manual, website, instagram_dm, referral).
-- The link to an Instagram conversation is added with the conversations table.

create type public.lead_source as enum ('manual', 'website', 'instagram_dm', 'referral');
create type public.lead_status as enum ('new', 'contacted', 'qualified', 'interviewing', 'hired', 'lost');

create table public.recruiting_leads (
  id uuid primary key default gen_random_uuid(),
  imo_id uuid not null references public.imos (id) on delete cascade,
  full_name text not null check (length(trim(full_name)) between 1 and 200),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text,
  instagram_username text,
  lead_source public.lead_source not null default 'manual',
  status public.lead_status not null default 'new',
  notes text,
  owner_user_id uuid,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- the owner must be a member of the same IMO
  foreign key (imo_id, owner_user_id) references public.imo_members (imo_id, user_id)
    on delete set null (owner_user_id),
  unique (id, imo_id)
);
create index recruiting_leads_imo_id_created_at_idx on public.recruiting_leads (imo_id, created_at desc);
create index recruiting_leads_owner_user_id_idx on public.recruiting_leads (owner_user_id);
comment on table public.recruiting_leads is 'Recruiting pipeline entries; lead_source says where each came from.';

create trigger recruiting_leads_touch_updated_at before update on public.recruiting_leads
  for each row execute function private.touch_updated_at();

alter table public.recruiting_leads enable row level security;

revoke all on table public.recruiting_leads from anon, authenticated;
grant select, insert, update, delete on table public.recruiting_leads to authenticated;
grant all on table public.recruiting_leads to service_role;

create policy "Leads can be read by members of the IMO" on public.recruiting_leads
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
create policy "Leads can be created by members of the IMO" on public.recruiting_leads
  for insert to authenticated with check (imo_id in (select private.imos_for_current_user()));
create policy "Leads can be updated by members of the IMO" on public.recruiting_leads
  for update to authenticated
  using (imo_id in (select private.imos_for_current_user()))
  with check (imo_id in (select private.imos_for_current_user()));
create policy "Leads can be deleted by owners and admins of the IMO" on public.recruiting_leads
  for delete to authenticated using ((select private.has_role(imo_id, '{owner,admin}')));
