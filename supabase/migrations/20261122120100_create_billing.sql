-- Billing: plans with their features, and each IMO's subscription.
-- Creates: subscription_plans (reference rows free, pro, team), imo_subscriptions,
-- private.has_feature(imo, feature) used by functions and policies to gate paid features.

create table public.subscription_plans (
  code text primary key check (code ~ '^[a-z_]+$'),
  name text not null,
  monthly_price_cents integer not null check (monthly_price_cents >= 0),
  features jsonb not null default '{}'::jsonb check (jsonb_typeof(features) = 'object'),
  created_at timestamptz not null default now()
);
comment on table public.subscription_plans is
  'Plans and their features; a feature is on when features->>name is true.';

insert into public.subscription_plans (code, name, monthly_price_cents, features) values
  ('free', 'Free', 0, '{"instagram_messaging": false, "instagram_scheduled_messages": false, "instagram_templates": false}'),
  ('pro', 'Pro', 2000, '{"instagram_messaging": false, "instagram_scheduled_messages": false, "instagram_templates": true}'),
  ('team', 'Team', 5000, '{"instagram_messaging": true, "instagram_scheduled_messages": true, "instagram_templates": true}');

create type public.subscription_status as enum ('trialing', 'active', 'past_due', 'canceled');

create table public.imo_subscriptions (
  imo_id uuid primary key references public.imos (id) on delete cascade,
  plan_code text not null references public.subscription_plans (code),
  status public.subscription_status not null default 'active',
  current_period_end timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index imo_subscriptions_plan_code_idx on public.imo_subscriptions (plan_code);
comment on table public.imo_subscriptions is 'The plan each IMO is on; written only by billing (service role).';

create trigger imo_subscriptions_touch_updated_at before update on public.imo_subscriptions
  for each row execute function private.touch_updated_at();

/*
 * private.has_feature(imo, feature): does the IMO's current plan include the feature?
 * Only trialing and active subscriptions count. Not membership-checked: callers check that.
 */
create function private.has_feature(imo uuid, feature text) returns boolean
language sql stable security definer set search_path = '' as $$
  select coalesce((
    select (p.features ->> feature)::boolean
    from public.imo_subscriptions s
    join public.subscription_plans p on p.code = s.plan_code
    where s.imo_id = imo and s.status in ('trialing', 'active')
  ), false)
$$;
revoke execute on function private.has_feature(uuid, text) from public;
grant execute on function private.has_feature(uuid, text) to authenticated, service_role;

alter table public.subscription_plans enable row level security;
alter table public.imo_subscriptions enable row level security;

revoke all on table public.subscription_plans, public.imo_subscriptions from anon, authenticated;
grant select on table public.subscription_plans, public.imo_subscriptions to authenticated;
grant all on table public.subscription_plans, public.imo_subscriptions to service_role;

create policy "Plans can be read by signed-in users" on public.subscription_plans
  for select to authenticated using (true);
create policy "Subscriptions can be read by members of the IMO" on public.imo_subscriptions
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
