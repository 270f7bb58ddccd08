-- The inbox's statement triggers broadcast each changed row with realtime.send, one call per row:
-- a PL/pgSQL call, a dynamic SET LOCAL and a subtransaction each, a third of the broadcast's cost
-- in a webhook batch (issue 12). They now insert all of a statement's rows into realtime.messages
-- in one statement, as realtime.send would row by row (docs/local-platform.md §3.1): the same
-- payload with its `id`, event, topic, `private` and extension, in the order the rows changed, and
-- an error there a WARNING that never fails the write. Realtime reads the rows by logical
-- replication either way.
-- A conversation's UPDATE no longer carries the whole old row: its `old_record` is the row's id and
-- unread count before the change, the one old value a listener compares (the unread badges move
-- by the difference). The full old row doubled the payload past 2 kB, where Postgres compresses
-- it, and every member's browser downloaded it with each new message; Postgres Changes' own
-- old_record is the primary key alone unless the table's replica identity is full.
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
  elsif tg_op = 'UPDATE' then
    insert into realtime.messages (id, payload, event, topic, private, extension)
    -- (the messages' rows have no unread_count column: read by name from the JSON)
    select x.id, jsonb_build_object('old_record', case tg_table_name
          when 'conversations' then jsonb_build_object('id', o.id,
            'unread_count', to_jsonb(o) -> 'unread_count')
          else to_jsonb(o) end,
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
