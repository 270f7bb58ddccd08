-- Realtime authorization for the inbox topics: a member may receive the broadcasts of their own
-- IMO's private topic `imo:<imo_id>` and of no other. Realtime checks this policy as the joining
-- user, with realtime.topic() set to the channel's topic, in a transaction it rolls back. No policy
-- lets a client send on these topics: only the triggers of the previous migration write them.

create policy "Broadcasts of an IMO's topic can be received by its members" on realtime.messages
  for select to authenticated
  using (
    realtime.messages.extension = 'broadcast'
    and (select realtime.topic()) in (
      select 'imo:' || imo_id::text from private.imos_for_current_user() as imo_id
    )
  );
