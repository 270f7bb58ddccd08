-- private.has_feature(imo, feature) answered for any IMO, so any signed-in user could learn any
-- IMO's plan through it. A signed-in user now gets an answer only for an IMO they belong to
-- (false otherwise); the service role and scheduled jobs, which act for no user, still ask for
-- any IMO (issue 8).
-- Changes: private.has_feature(uuid, text).

/*
 * private.has_feature(imo, feature): does the IMO's current plan include the feature? Only
 * trialing and active subscriptions count. For a caller with a user (auth.uid()), false unless
 * they are a member of the IMO; a caller with no user must not be anon or authenticated (the
 * service role, a cron job, a migration).
 */
create or replace function private.has_feature(imo uuid, feature text) returns boolean
language sql stable security definer set search_path = '' as $$
  select case
    when (select auth.uid()) is not null then private.is_member(imo)
    else coalesce((select auth.role()), '') not in ('anon', 'authenticated')
  end and coalesce((
    select (p.features ->> feature)::boolean
    from public.imo_subscriptions s
    join public.subscription_plans p on p.code = s.plan_code
    where s.imo_id = imo and s.status in ('trialing', 'active')
  ), false)
$$;
