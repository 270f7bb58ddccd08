-- Which plans an owner may choose in Settings › Plan. Plans made for one customer or for tests
-- stay off the list and cannot be picked.
-- Affects: subscription_plans (new column is_offered; free, pro and team are offered).

alter table public.subscription_plans add column is_offered boolean not null default false;
comment on column public.subscription_plans.is_offered is
  'Listed in Settings › Plan and choosable by an owner.';
update public.subscription_plans set is_offered = true where code in ('free', 'pro', 'team');
