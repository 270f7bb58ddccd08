-- A conversation already marked stale since an earlier time stays as it is when newer messages
-- arrive: its `since` is already the least. The upsert rewrote that row anyway, once per
-- conversation per batch of the contact's messages (issue 12); now only an earlier `since` writes.
-- The row is still locked by the upsert, so two batches marking the same conversations wait for
-- each other in conversation order, as before.
-- Changes: private.mark_dm_answers_stale().

/* private.mark_dm_answers_stale(): statement trigger on messages; `changed` / `previous` are its transition tables. */
create or replace function private.mark_dm_answers_stale() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  -- in conversation order: two batches marking the same conversations lock them in one order
  if tg_op = 'INSERT' then
    insert into private.dm_answers_stale as s (conversation_id, imo_id, since)
    select conversation_id, imo_id, min(sent_at) from changed
    group by conversation_id, imo_id order by conversation_id
    on conflict (conversation_id) do update set since = excluded.since
      where excluded.since < s.since;
  elsif tg_op = 'DELETE' then
    insert into private.dm_answers_stale as s (conversation_id, imo_id, since)
    select conversation_id, imo_id, min(sent_at) from previous
    group by conversation_id, imo_id order by conversation_id
    on conflict (conversation_id) do update set since = excluded.since
      where excluded.since < s.since;
  else
    -- only what decides an answer: the time, and whether a reply of ours counts (its status)
    insert into private.dm_answers_stale as s (conversation_id, imo_id, since)
    select n.conversation_id, n.imo_id, min(least(n.sent_at, o.sent_at))
    from changed n join previous o on o.id = n.id
    where n.sent_at is distinct from o.sent_at or n.status is distinct from o.status
      or n.direction is distinct from o.direction
    group by n.conversation_id, n.imo_id order by n.conversation_id
    on conflict (conversation_id) do update set since = excluded.since
      where excluded.since < s.since;
  end if;
  return null;
end
$$;
revoke execute on function private.mark_dm_answers_stale() from public;
