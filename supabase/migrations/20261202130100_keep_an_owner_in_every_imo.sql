-- Every IMO keeps at least one owner: removing or demoting its last owner is refused, whoever
-- tries (an owner leaving, an owner demoting themselves, a service-role script). Deleting the IMO
-- itself still removes every member by cascade.
-- Affects: imo_members (after update or delete trigger).

/*
 * private.keep_an_owner(): after a member row stops being an owner (deleted, demoted or moved),
 * refuses the change if the IMO still exists and has no owner left. The IMO row is locked first,
 * so two owners demoting each other at once cannot both pass: the second waits for the first and
 * then sees its change. Raises check_violation with constraint `imo_keeps_an_owner`, which
 * functions map to a clear 409. security definer: the lock and the count must see every row.
 */
create function private.keep_an_owner() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if old.role <> 'owner' or (tg_op = 'UPDATE' and new.role = 'owner' and new.imo_id = old.imo_id) then
    return null;
  end if;
  -- gone (deleted in this transaction): the cascade is removing its members, nothing to keep
  perform 1 from public.imos where id = old.imo_id for update;
  if not found then
    return null;
  end if;
  if not exists (
    select 1 from public.imo_members where imo_id = old.imo_id and role = 'owner'
  ) then
    raise exception 'An IMO keeps at least one owner: make another member owner first'
      using errcode = 'check_violation', constraint = 'imo_keeps_an_owner';
  end if;
  return null;
end
$$;
revoke execute on function private.keep_an_owner() from public;

create trigger imo_members_keep_an_owner after update or delete on public.imo_members
  for each row execute function private.keep_an_owner();
