-- A trigger function that dates soft-state timestamps by the server's clock: members may archive
-- a conversation or delete a template (set archived_at, deleted_at) but not choose the date.
-- Creates: private.stamp_with_now(), used by the conversations and message_templates migrations.

/*
 * private.stamp_with_now(): BEFORE UPDATE OF <column>, with the column's name as the trigger's
 * argument. A new non-null value becomes now(); clearing it (null: unarchive, restore) is kept.
 * Works on the row through jsonb because a trigger function cannot name a column it is given.
 */
create function private.stamp_with_now() returns trigger
language plpgsql set search_path = '' as $$
declare
  column_name text := tg_argv[0];
  value jsonb := to_jsonb(new) -> column_name;
begin
  if value <> 'null'::jsonb and value is distinct from to_jsonb(old) -> column_name then
    new := jsonb_populate_record(new, jsonb_build_object(column_name, now()));
  end if;
  return new;
end
$$;
revoke execute on function private.stamp_with_now() from public;
