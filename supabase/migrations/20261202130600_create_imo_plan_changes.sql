-- An owner changes the IMO's plan in Settings › Plan; it takes effect at once and is recorded.
-- No payment is collected: a billing provider would replace private.change_plan by its checkout
-- and a webhook that updates imo_subscriptions (see README "Plans and billing").
-- Creates: imo_plan_changes (the audit trail, read by owners and admins), private.change_plan.

create table public.imo_plan_changes (
  id bigint generated always as identity primary key,
  imo_id uuid not null references public.imos (id) on delete cascade,
  from_plan_code text references public.subscription_plans (code),
  to_plan_code text not null references public.subscription_plans (code),
  changed_by uuid references auth.users (id) on delete set null,
  changed_at timestamptz not null default now()
);
create index imo_plan_changes_imo_id_idx on public.imo_plan_changes (imo_id, changed_at desc);
create index imo_plan_changes_changed_by_idx on public.imo_plan_changes (changed_by);
create index imo_plan_changes_from_plan_code_idx on public.imo_plan_changes (from_plan_code);
create index imo_plan_changes_to_plan_code_idx on public.imo_plan_changes (to_plan_code);
comment on table public.imo_plan_changes is
  'Every plan change of an IMO: from, to, by whom, when. Written only by private.change_plan.';

alter table public.imo_plan_changes enable row level security;

revoke all on table public.imo_plan_changes from anon, authenticated;
grant select on table public.imo_plan_changes to authenticated;
grant all on table public.imo_plan_changes to service_role;

create policy "Plan changes can be read by owners and admins of the IMO" on public.imo_plan_changes
  for select to authenticated using ((select private.has_role(imo_id, '{owner,admin}')));

/*
 * private.change_plan(imo, new_plan_code): an owner of the IMO puts it on an offered plan, at once
 * (status active), and the change is recorded with its author. Returns {"outcome": ...}:
 * changed (with from_plan_code), unchanged (already on it and active), forbidden (not an owner),
 * plan_not_offered. The subscription row is locked so concurrent changes are recorded in order.
 */
create function private.change_plan(imo uuid, new_plan_code text) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  current_plan text;
  current_status public.subscription_status;
begin
  if not (select private.has_role(imo, '{owner}')) then
    return jsonb_build_object('outcome', 'forbidden');
  end if;
  if not exists (
    select 1 from public.subscription_plans p where p.code = new_plan_code and p.is_offered
  ) then
    return jsonb_build_object('outcome', 'plan_not_offered');
  end if;
  select s.plan_code, s.status into current_plan, current_status
  from public.imo_subscriptions s where s.imo_id = imo for update;
  if current_plan = new_plan_code and current_status = 'active' then
    return jsonb_build_object('outcome', 'unchanged', 'from_plan_code', current_plan);
  end if;
  insert into public.imo_subscriptions as s (imo_id, plan_code, status)
  values (imo, new_plan_code, 'active')
  on conflict (imo_id) do update set plan_code = excluded.plan_code, status = 'active';
  insert into public.imo_plan_changes (imo_id, from_plan_code, to_plan_code, changed_by)
  values (imo, current_plan, new_plan_code, (select auth.uid()));
  return jsonb_build_object('outcome', 'changed', 'from_plan_code', current_plan);
end
$$;
revoke execute on function private.change_plan(uuid, text) from public;
grant execute on function private.change_plan(uuid, text) to authenticated, service_role;
