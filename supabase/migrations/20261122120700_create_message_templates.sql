-- Message templates: reusable replies per IMO (greeting, follow-up, scheduling), with a use count.
-- Soft-deleted so that scheduled messages and history keep pointing at them.

create type public.template_category as enum ('greeting', 'follow_up', 'scheduling');

create table public.message_templates (
  id uuid primary key default gen_random_uuid(),
  imo_id uuid not null references public.imos (id) on delete cascade,
  name text not null check (length(trim(name)) between 1 and 80),
  -- Instagram's limit is 1000 UTF-8 bytes per text message
  content text not null check (octet_length(content) between 1 and 1000),
  category public.template_category not null,
  use_count integer not null default 0 check (use_count >= 0),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  unique (id, imo_id)
);
create unique index message_templates_imo_id_name_key on public.message_templates (imo_id, lower(name))
  where deleted_at is null;
create index message_templates_imo_id_category_idx on public.message_templates (imo_id, category)
  where deleted_at is null;
comment on table public.message_templates is 'Reusable message texts per IMO; deleted_at marks soft deletion.';

create trigger message_templates_touch_updated_at before update on public.message_templates
  for each row execute function private.touch_updated_at();

alter table public.message_templates enable row level security;

revoke all on table public.message_templates from anon, authenticated;
grant select, insert, update on table public.message_templates to authenticated;
grant all on table public.message_templates to service_role;

create policy "Templates can be read by members of the IMO" on public.message_templates
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
create policy "Templates can be created by owners and admins of the IMO" on public.message_templates
  for insert to authenticated with check (
    (select private.has_role(imo_id, '{owner,admin}'))
    and (select private.has_feature(imo_id, 'instagram_templates'))
  );
-- deleting is an update of deleted_at; nobody removes rows that history points at
create policy "Templates can be edited by owners and admins of the IMO" on public.message_templates
  for update to authenticated
  using ((select private.has_role(imo_id, '{owner,admin}')))
  with check ((select private.has_role(imo_id, '{owner,admin}')));
