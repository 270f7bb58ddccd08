-- AI settings per IMO (issue 13): the AI mode a new conversation starts in, the confidence above
-- which autopilot sends rather than drafts, how long a person's reply holds the AI off (the
-- takeover lease), the time zone availability ("tomorrow at 3") is read in, the reply template
-- per intent (offline provider), the instructions for the LLM, and the booking and payment links
-- the "Close sale" actions send. Read by every member, written by owners and admins. No row: the
-- defaults below (AI off).
-- Creates: ai_settings.

create table public.ai_settings (
  imo_id uuid primary key references public.imos (id) on delete cascade,
  default_mode public.ai_mode not null default 'off',
  autopilot_threshold numeric(3, 2) not null default 0.85
    check (autopilot_threshold between 0.5 and 1),
  lease_minutes integer not null default 30 check (lease_minutes between 5 and 240),
  time_zone text not null default 'America/New_York' check (length(time_zone) between 1 and 64),
  -- {intent: template text}; intents without a template get no reply
  reply_templates jsonb not null default '{}'::jsonb check (jsonb_typeof(reply_templates) = 'object'),
  instructions text check (length(instructions) <= 4000),
  booking_link text check (booking_link ~ '^https://' and length(booking_link) <= 500),
  -- a URL with {{amount}} (and optionally {{reference}}), e.g. https://pay.example.com/?a={{amount}}
  payment_link_template text
    check (payment_link_template ~ '^https://' and length(payment_link_template) <= 500),
  updated_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index ai_settings_updated_by_idx on public.ai_settings (updated_by);
comment on table public.ai_settings is
  'Per IMO: default AI mode, autopilot threshold, lease minutes, time zone, reply templates per intent, LLM instructions, booking and payment links; no row means the defaults (AI off).';

create trigger ai_settings_touch_updated_at before update on public.ai_settings
  for each row execute function private.touch_updated_at();

/*
 * private.sign_ai_settings(): BEFORE INSERT OR UPDATE. updated_by is whoever wrote the row last
 * (members have no grant on it).
 */
create function private.sign_ai_settings() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_by := coalesce((select auth.uid()), new.updated_by);
  return new;
end
$$;
revoke execute on function private.sign_ai_settings() from public;

create trigger ai_settings_sign before insert or update on public.ai_settings
  for each row execute function private.sign_ai_settings();

alter table public.ai_settings enable row level security;

revoke all on table public.ai_settings from anon, authenticated;
grant select on table public.ai_settings to authenticated;
grant insert (imo_id, default_mode, autopilot_threshold, lease_minutes, time_zone, reply_templates,
  instructions, booking_link, payment_link_template) on table public.ai_settings to authenticated;
grant update (default_mode, autopilot_threshold, lease_minutes, time_zone, reply_templates,
  instructions, booking_link, payment_link_template) on table public.ai_settings to authenticated;
grant all on table public.ai_settings to service_role;

create policy "AI settings can be read by members of the IMO" on public.ai_settings
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
create policy "AI settings can be created by owners and admins of the IMO" on public.ai_settings
  for insert to authenticated with check ((select private.has_role(imo_id, '{owner,admin}')));
create policy "AI settings can be changed by owners and admins of the IMO" on public.ai_settings
  for update to authenticated
  using ((select private.has_role(imo_id, '{owner,admin}')))
  with check ((select private.has_role(imo_id, '{owner,admin}')));

/*
 * A new conversation starts in its IMO's default AI mode. BEFORE INSERT, so the webhook that
 * creates the conversation writes it in one statement; a conversation created with a mode other
 * than the column default keeps the one it was given.
 */
create function private.apply_default_ai_mode() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.ai_mode = 'off' then
    new.ai_mode := coalesce(
      (select s.default_mode from public.ai_settings s where s.imo_id = new.imo_id), 'off');
  end if;
  return new;
end
$$;
revoke execute on function private.apply_default_ai_mode() from public;

create trigger conversations_apply_default_ai_mode before insert on public.conversations
  for each row execute function private.apply_default_ai_mode();
