-- Realtime's janitor for the daily partitions of realtime.messages (supabase/realtime
-- Tenants.create_messages_partitions, Messages.delete_old_messages): partitions from yesterday to
-- three days ahead, none older than 72 hours. Local only: run after the bootstrap (so a database
-- prepared without the gateway has them too) and every hour by the gateway
-- (scripts/platform/realtime/partitions.ts).
--
-- Adding or dropping a partition locks realtime.messages, which every broadcast and every
-- authorization check uses (a check reads all partitions): the janitor waits 200 ms at most, less
-- than the deadlock detector's 1 s, so it is the one that gives way, and tries again next hour.
do $$
declare
  day date;
  partition_name text;
  old_partition record;
begin
  perform set_config('lock_timeout', '200ms', true);
  for day in select generate_series(current_date - 1, current_date + 3, interval '1 day')::date loop
    partition_name := 'messages_' || to_char(day, 'YYYY_MM_DD');
    continue when to_regclass('realtime.' || partition_name) is not null;
    begin
      execute format(
        'create table realtime.%I partition of realtime.messages for values from (%L) to (%L)',
        partition_name, day, day + 1);
      execute format('alter table realtime.%I owner to supabase_realtime_admin', partition_name);
    exception when lock_not_available then
      raise notice 'realtime.%: busy, created later', partition_name;
    end;
  end loop;
  for old_partition in
    select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'realtime.messages'::regclass
      and c.relname ~ '^messages_[0-9]{4}_[0-9]{2}_[0-9]{2}$'
      and to_date(substr(c.relname, 10), 'YYYY_MM_DD') < (now() - interval '72 hours')::date
  loop
    begin
      execute format('drop table realtime.%I', old_partition.relname);
    exception when lock_not_available then
      raise notice 'realtime.%: busy, dropped later', old_partition.relname;
    end;
  end loop;
end
$$;
