-- Tenancy: an IMO (the recruiting agency) and its members.
-- Creates: imos, imo_members, type imo_role, schema private with the membership helpers that every
-- tenant table's RLS policies call.

create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

create type public.imo_role as enum ('owner', 'admin', 'recruiter');

create table public.imos (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(trim(name)) between 1 and 120),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.imos is 'A recruiting agency (IMO): the tenant every other row belongs to.';

create table public.imo_members (
  imo_id uuid not null references public.imos (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.imo_role not null default 'recruiter',
  display_name text,
  created_at timestamptz not null default now(),
  primary key (imo_id, user_id)
);
create index imo_members_user_id_idx on public.imo_members (user_id);
comment on table public.imo_members is 'Who belongs to which IMO, and as what (owner, admin, recruiter).';

/*
 * private.is_member(imo): is the calling user a member of the IMO?
 * security definer so that policies on imo_members itself do not recurse; fixed search path.
 */
create function private.is_member(imo uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.imo_members m
    where m.imo_id = imo and m.user_id = (select auth.uid())
  )
$$;

/* private.has_role(imo, roles): is the calling user a member with one of these roles? */
create function private.has_role(imo uuid, roles public.imo_role[]) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.imo_members m
    where m.imo_id = imo and m.user_id = (select auth.uid()) and m.role = any (roles)
  )
$$;

/* private.imos_for_current_user(): the IMOs the caller belongs to, for `imo_id in (...)` policies. */
create function private.imos_for_current_user() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select m.imo_id from public.imo_members m where m.user_id = (select auth.uid())
$$;

revoke execute on function private.is_member(uuid) from public;
revoke execute on function private.has_role(uuid, public.imo_role[]) from public;
revoke execute on function private.imos_for_current_user() from public;
grant execute on function private.is_member(uuid) to authenticated, service_role;
grant execute on function private.has_role(uuid, public.imo_role[]) to authenticated, service_role;
grant execute on function private.imos_for_current_user() to authenticated, service_role;

alter table public.imos enable row level security;
alter table public.imo_members enable row level security;

revoke all on table public.imos, public.imo_members from anon, authenticated;
grant select, update, delete on table public.imos to authenticated;
grant select, insert, update, delete on table public.imo_members to authenticated;
grant all on table public.imos, public.imo_members to service_role;

create policy "IMOs can be read by their members" on public.imos
  for select to authenticated using (id in (select private.imos_for_current_user()));
create policy "IMOs can be renamed by their owners and admins" on public.imos
  for update to authenticated
  using ((select private.has_role(id, '{owner,admin}')))
  with check ((select private.has_role(id, '{owner,admin}')));
create policy "IMOs can be deleted by their owners" on public.imos
  for delete to authenticated using ((select private.has_role(id, '{owner}')));

create policy "Members can be read by members of the same IMO" on public.imo_members
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
-- Owners manage everyone; admins manage everyone but owners, so an admin cannot promote
-- themselves, add an owner, or demote or remove one.
create policy "Members can be added by owners, and by admins below owner" on public.imo_members
  for insert to authenticated with check (
    (select private.has_role(imo_id, '{owner}'))
    or ((select private.has_role(imo_id, '{admin}')) and role <> 'owner')
  );
create policy "Members can be changed by owners, and by admins below owner" on public.imo_members
  for update to authenticated
  using (
    (select private.has_role(imo_id, '{owner}'))
    or ((select private.has_role(imo_id, '{admin}')) and role <> 'owner')
  )
  with check (
    (select private.has_role(imo_id, '{owner}'))
    or ((select private.has_role(imo_id, '{admin}')) and role <> 'owner')
  );
create policy "Members can be removed by owners, and by admins below owner" on public.imo_members
  for delete to authenticated using (
    (select private.has_role(imo_id, '{owner}'))
    or ((select private.has_role(imo_id, '{admin}')) and role <> 'owner')
  );

/* Keeps updated_at true on every table that has one. */
create function private.touch_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at = now();
  return new;
end
$$;

create trigger imos_touch_updated_at before update on public.imos
  for each row execute function private.touch_updated_at();
