-- A conversation's UPDATE broadcast built its `old_record` from the whole old row turned into
-- JSON, to read one number from it: about a third of the broadcast's cost, paid for each
-- conversation in every webhook batch (issue 12). The conversations' rows now have a branch of
-- their own that reads `unread_count` from the row. The payloads are unchanged.
-- Changes: private.broadcast_inbox_changes().

/*
 * AFTER INSERT, UPDATE or DELETE, per statement: each changed row is broadcast to its IMO's
 * private topic `imo:<imo_id>` with what realtime.broadcast_changes sends (event: the operation;
 * payload: {id, record, old_record, operation, table, schema}), in the order the rows were changed;
 * a conversation's UPDATE has {id, unread_count} as its old_record.
 * Unlike realtime.send, the transaction's `realtime.topic` is left alone: it only matters to the
 * policies that authorise a member's own sends, and this runs as the definer. Security definer:
 * members may not insert into realtime.messages.
 */
create or replace function private.broadcast_inbox_changes() returns trigger
language plpgsql security definer set search_path = ''
-- A transition table has no statistics: the plan of the join below is made at the function's
-- first call in a session, often a one-row UPDATE, and kept. That plan was a nested loop, which
-- compared every old row with every new one: n² for a batch of n conversations.
set enable_nestloop = off as $$
begin
  -- each branch names only the transition tables its event has
  if tg_op = 'INSERT' then
    insert into realtime.messages (id, payload, event, topic, private, extension)
    select x.id, jsonb_build_object('old_record', null, 'record', to_jsonb(x.n),
        'operation', tg_op, 'table', tg_table_name, 'schema', tg_table_schema, 'id', x.id),
      tg_op, 'imo:' || (x.n).imo_id::text, true, 'broadcast'
    from (select n, gen_random_uuid() as id, row_number() over () as ord from new_rows n) x
    order by x.ord;
  elsif tg_op = 'UPDATE' and tg_table_name = 'conversations' then
    -- PL/pgSQL plans a statement at its first run, per table: this one is never planned for the
    -- messages, which have no unread_count column
    insert into realtime.messages (id, payload, event, topic, private, extension)
    select x.id, jsonb_build_object('old_record', jsonb_build_object('id', o.id,
          'unread_count', o.unread_count),
        'record', to_jsonb(x.n),
        'operation', tg_op, 'table', tg_table_name, 'schema', tg_table_schema, 'id', x.id),
      tg_op, 'imo:' || (x.n).imo_id::text, true, 'broadcast'
    from (select n, gen_random_uuid() as id, row_number() over () as ord from new_rows n) x
    join old_rows o on o.id = (x.n).id
    order by x.ord;
  elsif tg_op = 'UPDATE' then
    insert into realtime.messages (id, payload, event, topic, private, extension)
    select x.id, jsonb_build_object('old_record', to_jsonb(o),
        'record', to_jsonb(x.n),
        'operation', tg_op, 'table', tg_table_name, 'schema', tg_table_schema, 'id', x.id),
      tg_op, 'imo:' || (x.n).imo_id::text, true, 'broadcast'
    from (select n, gen_random_uuid() as id, row_number() over () as ord from new_rows n) x
    join old_rows o on o.id = (x.n).id
    order by x.ord;
  else
    insert into realtime.messages (id, payload, event, topic, private, extension)
    select x.id, jsonb_build_object('old_record', to_jsonb(x.o), 'record', null,
        'operation', tg_op, 'table', tg_table_name, 'schema', tg_table_schema, 'id', x.id),
      tg_op, 'imo:' || (x.o).imo_id::text, true, 'broadcast'
    from (select o, gen_random_uuid() as id, row_number() over () as ord from old_rows o) x
    order by x.ord;
  end if;
  return null;
exception when others then
  raise warning 'WarnSendingBroadcastMessage: %', sqlerrm;
  return null;
end
$$;
