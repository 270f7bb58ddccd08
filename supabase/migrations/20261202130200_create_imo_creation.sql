-- Onboarding: a signed-in user creates an IMO, on the Free plan, and becomes its owner. One of
-- the two ways a membership row is written (the other is accepting an invitation).
-- Creates: private.create_imo(imo_name). Writes imos, imo_members, imo_subscriptions.

/*
 * private.create_imo(imo_name): creates the IMO named `imo_name` (trimmed) with a slug derived
 * from the name plus a random suffix, makes the caller (auth.uid()) its owner, with their
 * full_name from sign-up as display name, and puts it on the active Free plan. Returns the IMO's
 * id. security definer because users may not insert into these tables; it only ever acts for the
 * caller. The name is checked by the imos check constraint (1–120 characters).
 */
create function private.create_imo(imo_name text) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  caller uuid := (select auth.uid());
  base text := left(
    trim(both '-' from regexp_replace(lower(coalesce(imo_name, '')), '[^a-z0-9]+', '-', 'g')), 48
  );
  created uuid;
begin
  if caller is null or not exists (select 1 from auth.users where id = caller) then
    raise exception 'Creating an IMO needs a signed-in user' using errcode = 'insufficient_privilege';
  end if;
  insert into public.imos (name, slug)
  values (
    trim(imo_name),
    coalesce(nullif(base, ''), 'imo') || '-' || left(replace(gen_random_uuid()::text, '-', ''), 6)
  )
  returning id into created;
  insert into public.imo_members (imo_id, user_id, role, display_name)
  select created, u.id, 'owner', nullif(trim(u.raw_user_meta_data ->> 'full_name'), '')
  from auth.users u where u.id = caller;
  insert into public.imo_subscriptions (imo_id, plan_code, status) values (created, 'free', 'active');
  return created;
end
$$;
revoke execute on function private.create_imo(text) from public;
grant execute on function private.create_imo(text) to authenticated, service_role;
