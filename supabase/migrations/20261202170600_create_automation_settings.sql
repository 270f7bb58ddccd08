-- Automation settings per IMO: whether the priority reminder runs, and which template it sends
-- (none: the default text, _shared/automation/reminder-rule.ts). Read by every member, written by
-- owners and admins on a plan with scheduled messages. No row: reminders are off.
-- Creates: automation_settings.

create table public.automation_settings (
  imo_id uuid primary key references public.imos (id) on delete cascade,
  reminders_enabled boolean not null default false,
  reminder_template_id uuid,
  updated_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (reminder_template_id, imo_id) references public.message_templates (id, imo_id)
    on delete set null (reminder_template_id)
);
create index automation_settings_reminder_template_id_idx
  on public.automation_settings (reminder_template_id);
create index automation_settings_updated_by_idx on public.automation_settings (updated_by);
comment on table public.automation_settings is
  'Per IMO: the priority reminder on or off and its template; no row means off.';

create trigger automation_settings_touch_updated_at before update on public.automation_settings
  for each row execute function private.touch_updated_at();

/*
 * private.sign_automation_settings(): BEFORE INSERT OR UPDATE. updated_by is whoever wrote the
 * row last (members have no grant on it; the default covers inserts only).
 */
create function private.sign_automation_settings() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_by := coalesce((select auth.uid()), new.updated_by);
  return new;
end
$$;
revoke execute on function private.sign_automation_settings() from public;

create trigger automation_settings_sign before insert or update on public.automation_settings
  for each row execute function private.sign_automation_settings();

alter table public.automation_settings enable row level security;

revoke all on table public.automation_settings from anon, authenticated;
grant select on table public.automation_settings to authenticated;
grant insert (imo_id, reminders_enabled, reminder_template_id) on table public.automation_settings
  to authenticated;
grant update (reminders_enabled, reminder_template_id) on table public.automation_settings
  to authenticated;
grant all on table public.automation_settings to service_role;

create policy "Automation settings can be read by members of the IMO" on public.automation_settings
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
create policy "Automation settings can be created by owners and admins of the IMO"
  on public.automation_settings for insert to authenticated with check (
    (select private.has_role(imo_id, '{owner,admin}'))
    and (select private.has_feature(imo_id, 'instagram_scheduled_messages'))
  );
create policy "Automation settings can be changed by owners and admins of the IMO"
  on public.automation_settings for update to authenticated
  using ((select private.has_role(imo_id, '{owner,admin}')))
  with check (
    (select private.has_role(imo_id, '{owner,admin}'))
    and (select private.has_feature(imo_id, 'instagram_scheduled_messages'))
  );
