-- Membership rows are written only by the server: creating an IMO makes its creator the owner
-- (private.create_imo) and accepting an invitation adds the invitee (private.accept_invitation).
-- Until now the insert policy of 20261122120000_create_tenancy.sql let an owner or admin add any
-- existing user id to their IMO, without that user's consent.
-- Affects: imo_members (no insert for users; update only role and display_name),
-- imos (update only name). Policies for update and delete are unchanged: owners manage everyone,
-- admins everyone but owners.

drop policy "Members can be added by owners, and by admins below owner" on public.imo_members;

revoke insert, update on table public.imo_members from authenticated;
grant update (role, display_name) on table public.imo_members to authenticated;

-- slug and timestamps are not the members' to edit (the slug is set once, at creation)
revoke update on table public.imos from authenticated;
grant update (name) on table public.imos to authenticated;
