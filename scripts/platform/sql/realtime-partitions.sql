-- Realtime's janitor for the daily partitions of realtime.messages (supabase/realtime
-- Tenants.create_messages_partitions, Messages.delete_old_messages): partitions from yesterday to
-- three days ahead, none older than 72 hours. Local only: run after the bootstrap (so a database
-- prepared without the gateway has them too) and every hour by the gateway
-- (scripts/platform/realtime/partitions.ts).
do $$
declare
  day date;
  old_partition record;
begin
  for day in select generate_series(current_date - 1, current_date + 3, interval '1 day')::date loop
    execute format(
      'create table if not exists realtime.%I partition of realtime.messages for values from (%L) to (%L)',
      'messages_' || to_char(day, 'YYYY_MM_DD'), day, day + 1);
    execute format('alter table realtime.%I owner to supabase_realtime_admin',
      'messages_' || to_char(day, 'YYYY_MM_DD'));
  end loop;
  for old_partition in
    select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'realtime.messages'::regclass
      and c.relname ~ '^messages_[0-9]{4}_[0-9]{2}_[0-9]{2}$'
      and to_date(substr(c.relname, 10), 'YYYY_MM_DD') < (now() - interval '72 hours')::date
  loop
    execute format('drop table if exists realtime.%I', old_partition.relname);
  end loop;
end
$$;
