import {
  createInvitationInputSchema,
  type CreateInvitationResponse,
  type Invitation,
} from "../../../../shared/src/contracts/workspaces.ts";
import type { ImoRole } from "../../../../shared/src/schemas/enums.ts";
import { requireUser } from "../auth.ts";
import { withUser } from "../db.ts";
import { HttpError, json } from "../http.ts";
import { parseBody } from "../validate.ts";
import { requireImoRole } from "../connect/access.ts";
import { newInvitationToken } from "./invitation-token.ts";
import { requireMayManage, translateDbError } from "./rules.ts";

/**
 * POST workspaces/<imo>/invitations: an owner or admin invites an address with a role. Inviting
 * the same address again replaces the earlier link. The token is returned once, here; the
 * database keeps its hash.
 */
export async function createInvitation(request: Request, { imoId }: Record<string, string>) {
  const claims = await requireUser(request);
  const { email, role } = await parseBody(request, createInvitationInputSchema);
  const { token, hash } = await newInvitationToken();
  const invitation = await withUser(claims, async (tx) => {
    const callerRole = await requireImoRole(tx, imoId!, ["owner", "admin"]);
    requireMayManage(callerRole, role);
    const [member] = await tx`
      select 1 from private.imo_member_directory(${imoId!}) where lower(email) = ${email}`;
    if (member) throw new HttpError(409, "already_member", `${email} is already a member`);
    await tx`
      update public.imo_invitations set revoked_at = now(), revoked_by = (select auth.uid())
      where imo_id = ${imoId!} and email = ${email} and accepted_at is null and revoked_at is null`;
    const [row] = await tx<Omit<Invitation, "invited_by_email">[]>`
      insert into public.imo_invitations (imo_id, email, role, token_hash)
      values (${imoId!}, ${email}, ${role}, ${hash})
      returning id, email, role, created_at, expires_at`;
    return { ...row!, invited_by_email: claims.email ?? null };
  }).catch(translateDbError);
  const answer: CreateInvitationResponse = { invitation, token };
  return json(answer, 201);
}

/** POST workspaces/<imo>/invitations/<id>/revoke: the link stops working; revoking twice is fine. */
export async function revokeInvitation(
  request: Request,
  { imoId, invitationId }: Record<string, string>,
) {
  const claims = await requireUser(request);
  await withUser(claims, async (tx) => {
    const callerRole = await requireImoRole(tx, imoId!, ["owner", "admin"]);
    const [invitation] = await tx<
      { role: ImoRole; accepted_at: Date | null; revoked_at: Date | null }[]
    >`
      select role, accepted_at, revoked_at from public.imo_invitations
      where id = ${invitationId!} and imo_id = ${imoId!}`;
    if (!invitation) {
      throw new HttpError(404, "invitation_not_found", "No such invitation in this workspace");
    }
    if (invitation.accepted_at) {
      throw new HttpError(409, "invitation_used", "This invitation was already accepted");
    }
    requireMayManage(callerRole, invitation.role);
    if (invitation.revoked_at) return;
    await tx`
      update public.imo_invitations set revoked_at = now(), revoked_by = (select auth.uid())
      where id = ${invitationId!}`;
  }).catch(translateDbError);
  return json({ id: invitationId, revoked: true });
}
