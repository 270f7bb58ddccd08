-- The members list of Settings › Members needs each member's email, which lives in auth.users
-- (not readable by users). Creates: private.imo_member_directory(imo).

/*
 * private.imo_member_directory(imo): the IMO's members with their sign-in email, for a caller who
 * is a member of it (nothing otherwise). security definer to read auth.users; it returns only the
 * emails of people the caller already shares the IMO with.
 */
create function private.imo_member_directory(imo uuid)
returns table (user_id uuid, email text, display_name text, role public.imo_role, created_at timestamptz)
language sql stable security definer set search_path = '' as $$
  select m.user_id, u.email::text, m.display_name, m.role, m.created_at
  from public.imo_members m join auth.users u on u.id = m.user_id
  where m.imo_id = imo and (select private.is_member(imo))
  order by m.created_at, u.email
$$;
revoke execute on function private.imo_member_directory(uuid) from public;
grant execute on function private.imo_member_directory(uuid) to authenticated, service_role;
