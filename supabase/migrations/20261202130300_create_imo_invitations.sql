-- Invitations: an owner or admin invites someone by email with a role; the invitee accepts with a
-- single-use link that expires. Only the SHA-256 of the link's token is stored.
-- Creates: imo_invitations with RLS, private.invitation_by_token(hash) (what the link shows) and
-- private.accept_invitation(hash) (the other way, beside private.create_imo, that a membership
-- row is written).

create table public.imo_invitations (
  id uuid primary key default gen_random_uuid(),
  imo_id uuid not null references public.imos (id) on delete cascade,
  email text not null check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 320),
  role public.imo_role not null default 'recruiter',
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by uuid default auth.uid() references auth.users (id) on delete set null,
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_by uuid references auth.users (id) on delete set null,
  accepted_at timestamptz,
  revoked_by uuid references auth.users (id) on delete set null,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  check (accepted_at is null or revoked_at is null)
);
-- one open invitation per address and IMO: inviting again revokes the earlier one first
create unique index imo_invitations_open_email_idx on public.imo_invitations (imo_id, email)
  where accepted_at is null and revoked_at is null;
create index imo_invitations_imo_id_idx on public.imo_invitations (imo_id, created_at desc);
create index imo_invitations_invited_by_idx on public.imo_invitations (invited_by);
create index imo_invitations_accepted_by_idx on public.imo_invitations (accepted_by);
create index imo_invitations_revoked_by_idx on public.imo_invitations (revoked_by);
comment on table public.imo_invitations is
  'Invitations to join an IMO: single-use, expiring, the token stored only as its SHA-256.';

alter table public.imo_invitations enable row level security;

-- The token's hash is never readable by users; inviter, expiry and acceptance are set by default
-- or by private.accept_invitation, never by the caller.
revoke all on table public.imo_invitations from anon, authenticated;
grant select (id, imo_id, email, role, invited_by, expires_at, accepted_by, accepted_at,
  revoked_by, revoked_at, created_at) on table public.imo_invitations to authenticated;
grant insert (imo_id, email, role, token_hash) on table public.imo_invitations to authenticated;
grant update (revoked_at, revoked_by) on table public.imo_invitations to authenticated;
grant all on table public.imo_invitations to service_role;

create policy "Invitations can be read by owners and admins of the IMO" on public.imo_invitations
  for select to authenticated using ((select private.has_role(imo_id, '{owner,admin}')));
-- as with members: owners invite any role, admins any role but owner
create policy "Invitations can be created by owners, and by admins below owner"
  on public.imo_invitations
  for insert to authenticated with check (
    invited_by = (select auth.uid())
    and (
      (select private.has_role(imo_id, '{owner}'))
      or ((select private.has_role(imo_id, '{admin}')) and role <> 'owner')
    )
  );
create policy "Open invitations can be revoked by owners, and by admins below owner"
  on public.imo_invitations
  for update to authenticated
  using (
    accepted_at is null and revoked_at is null
    and (
      (select private.has_role(imo_id, '{owner}'))
      or ((select private.has_role(imo_id, '{admin}')) and role <> 'owner')
    )
  )
  with check (revoked_at is not null and revoked_by = (select auth.uid()));

/*
 * private.invitation_by_token(hashed_token): what an invitation link shows to the signed-in user
 * holding it, who is not a member yet and so cannot read the row: the IMO's name, the role, the
 * address it was sent to, its state (pending, expired, accepted, revoked) and whether it is for
 * the caller (their confirmed email is that address). null when no invitation has this hash.
 */
create function private.invitation_by_token(hashed_token text) returns jsonb
language sql stable security definer set search_path = '' as $$
  select jsonb_build_object(
    'imo_name', m.name,
    'role', i.role,
    'email', i.email,
    'expires_at', i.expires_at,
    'state', case
      when i.revoked_at is not null then 'revoked'
      when i.accepted_at is not null then 'accepted'
      when i.expires_at <= now() then 'expired'
      else 'pending'
    end,
    'is_for_caller', exists (
      select 1 from auth.users u
      where u.id = (select auth.uid()) and u.email_confirmed_at is not null
        and lower(u.email) = i.email
    ),
    'is_member', exists (
      select 1 from public.imo_members x where x.imo_id = i.imo_id and x.user_id = (select auth.uid())
    )
  )
  from public.imo_invitations i join public.imos m on m.id = i.imo_id
  where i.token_hash = hashed_token
$$;

/*
 * private.accept_invitation(hashed_token): the caller joins the invitation's IMO with its role.
 * Refused (and not used up) unless the invitation is open and unexpired and the caller's
 * confirmed email is the invited address. Returns {"outcome": ...}: accepted (with imo_id and
 * role), not_found, revoked, used, expired, email_mismatch, already_member. The row is locked,
 * so two tabs accepting at once add one member.
 */
create function private.accept_invitation(hashed_token text) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  caller uuid := (select auth.uid());
  invitation public.imo_invitations;
  caller_email text;
  full_name text;
begin
  select * into invitation from public.imo_invitations where token_hash = hashed_token for update;
  if not found then
    return jsonb_build_object('outcome', 'not_found');
  elsif invitation.revoked_at is not null then
    return jsonb_build_object('outcome', 'revoked');
  elsif invitation.accepted_at is not null then
    return jsonb_build_object('outcome', 'used');
  elsif invitation.expires_at <= now() then
    return jsonb_build_object('outcome', 'expired');
  end if;
  select lower(u.email), nullif(trim(u.raw_user_meta_data ->> 'full_name'), '')
    into caller_email, full_name
  from auth.users u where u.id = caller and u.email_confirmed_at is not null;
  if caller_email is distinct from invitation.email then
    return jsonb_build_object('outcome', 'email_mismatch');
  end if;
  if exists (
    select 1 from public.imo_members where imo_id = invitation.imo_id and user_id = caller
  ) then
    return jsonb_build_object('outcome', 'already_member', 'imo_id', invitation.imo_id);
  end if;
  insert into public.imo_members (imo_id, user_id, role, display_name)
  values (invitation.imo_id, caller, invitation.role, full_name);
  update public.imo_invitations set accepted_by = caller, accepted_at = now()
  where id = invitation.id;
  return jsonb_build_object(
    'outcome', 'accepted', 'imo_id', invitation.imo_id, 'role', invitation.role
  );
end
$$;

revoke execute on function private.invitation_by_token(text) from public;
revoke execute on function private.accept_invitation(text) from public;
grant execute on function private.invitation_by_token(text) to authenticated, service_role;
grant execute on function private.accept_invitation(text) to authenticated, service_role;
