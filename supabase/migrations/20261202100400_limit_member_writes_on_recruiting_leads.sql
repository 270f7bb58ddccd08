-- Recruiting leads: created_by is always the member who creates the lead (a default, and no grant
-- on the column), where it could name anyone, even a user of another IMO (issue 8). Where a lead
-- came from (lead_source) is set when it is created.
-- Changes: created_by defaults to auth.uid(); insert and update grants of authenticated on
-- recruiting_leads (column lists).

alter table public.recruiting_leads alter column created_by set default auth.uid();

revoke insert, update on table public.recruiting_leads from authenticated;
grant insert (
  imo_id, full_name, email, phone, instagram_username, lead_source, status, notes, owner_user_id,
  conversation_id
) on table public.recruiting_leads to authenticated;
grant update (
  full_name, email, phone, instagram_username, status, notes, owner_user_id, conversation_id
) on table public.recruiting_leads to authenticated;
