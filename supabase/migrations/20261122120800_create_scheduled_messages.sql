-- Scheduled messages: replies queued for a time, sent by the instagram-process-scheduled cron
-- while the messaging window is open, expired when it has closed.

create type public.scheduled_message_status as enum ('pending', 'sent', 'cancelled', 'failed', 'expired');

create table public.scheduled_messages (
  id uuid primary key default gen_random_uuid(),
  imo_id uuid not null,
  channel_account_id uuid not null,
  conversation_id uuid not null,
  created_by uuid references auth.users (id) on delete set null,
  template_id uuid,
  text text not null check (octet_length(text) between 1 and 1000),
  scheduled_for timestamptz not null,
  -- the reply window as it stood when scheduled; the sender re-checks the live window
  window_expires_at timestamptz,
  status public.scheduled_message_status not null default 'pending',
  attempts integer not null default 0,
  last_error text,
  sent_message_id uuid references public.messages (id) on delete set null,
  sent_at timestamptz,
  cancelled_at timestamptz,
  cancelled_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (conversation_id, imo_id, channel_account_id)
    references public.conversations (id, imo_id, channel_account_id) on delete cascade,
  foreign key (template_id, imo_id) references public.message_templates (id, imo_id)
    on delete set null (template_id)
);
-- the cron claims due rows in time order
create index scheduled_messages_due_idx on public.scheduled_messages (scheduled_for) where status = 'pending';
create index scheduled_messages_conversation_idx on public.scheduled_messages (conversation_id, scheduled_for);
create index scheduled_messages_imo_id_idx on public.scheduled_messages (imo_id);
create index scheduled_messages_template_id_idx on public.scheduled_messages (template_id);
comment on table public.scheduled_messages is 'Messages queued for later sending, within the messaging window.';

create trigger scheduled_messages_touch_updated_at before update on public.scheduled_messages
  for each row execute function private.touch_updated_at();

alter table public.scheduled_messages enable row level security;

revoke all on table public.scheduled_messages from anon, authenticated;
grant select, insert on table public.scheduled_messages to authenticated;
-- members may cancel or reschedule; status changes beyond that are the cron's
grant update (text, scheduled_for, status, cancelled_at, cancelled_by) on table public.scheduled_messages
  to authenticated;
grant all on table public.scheduled_messages to service_role;

create policy "Scheduled messages can be read by members of the IMO" on public.scheduled_messages
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
create policy "Scheduled messages can be created by members as themselves"
  on public.scheduled_messages for insert to authenticated with check (
    imo_id in (select private.imos_for_current_user())
    and (select private.has_feature(imo_id, 'instagram_scheduled_messages'))
    and created_by = (select auth.uid()) and status = 'pending'
  );
-- a cancellation is signed by whoever cancels
create policy "Pending scheduled messages can be edited or cancelled by members"
  on public.scheduled_messages for update to authenticated
  using (imo_id in (select private.imos_for_current_user()) and status = 'pending')
  with check (
    imo_id in (select private.imos_for_current_user()) and status in ('pending', 'cancelled')
    and (cancelled_by is null or cancelled_by = (select auth.uid()))
  );
