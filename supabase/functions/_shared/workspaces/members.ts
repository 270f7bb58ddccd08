import {
  changeRoleInputSchema,
  type MembersResponse,
} from "../../../../shared/src/contracts/workspaces.ts";
import type { ImoRole } from "../../../../shared/src/schemas/enums.ts";
import { requireUser } from "../auth.ts";
import { type Tx, withUser } from "../db.ts";
import { HttpError, json } from "../http.ts";
import { parseBody } from "../validate.ts";
import { requireImoRole } from "../connect/access.ts";
import { requireMayManage, translateDbError } from "./rules.ts";

const ALL_ROLES: ImoRole[] = ["owner", "admin", "recruiter"];

/** GET workspaces/<imo>/members: any member sees the members; owners and admins also the invitations. */
export async function listMembers(request: Request, { imoId }: Record<string, string>) {
  const claims = await requireUser(request);
  const answer = await withUser(claims, async (tx): Promise<MembersResponse> => {
    const role = await requireImoRole(tx, imoId!, ALL_ROLES);
    const members = await tx<MembersResponse["members"]>`
      select user_id, email, display_name, role, created_at as joined_at
      from private.imo_member_directory(${imoId!})`;
    if (role === "recruiter") return { members, invitations: [] };
    // expired ones stay listed until revoked or replaced, so nobody wonders where they went
    const invitations = await tx<MembersResponse["invitations"]>`
      select i.id, i.email, i.role, i.created_at, i.expires_at, d.email as invited_by_email
      from public.imo_invitations i
      left join private.imo_member_directory(${imoId!}) d on d.user_id = i.invited_by
      where i.imo_id = ${imoId!} and i.accepted_at is null and i.revoked_at is null
      order by i.created_at desc`;
    return { members, invitations };
  });
  return json(answer);
}

/** The member being changed, after the caller's own right to manage members is checked. */
async function targetMember(tx: Tx, imoId: string, userId: string) {
  const callerRole = await requireImoRole(tx, imoId, ["owner", "admin"]);
  const [target] = await tx<{ role: ImoRole }[]>`
    select role from public.imo_members where imo_id = ${imoId} and user_id = ${userId}`;
  if (!target) throw new HttpError(404, "member_not_found", "No such member in this workspace");
  return { callerRole, targetRole: target.role };
}

/** POST workspaces/<imo>/members/<user>/role */
export async function changeRole(request: Request, { imoId, userId }: Record<string, string>) {
  const claims = await requireUser(request);
  const { role } = await parseBody(request, changeRoleInputSchema);
  await withUser(claims, async (tx) => {
    const { callerRole, targetRole } = await targetMember(tx, imoId!, userId!);
    requireMayManage(callerRole, targetRole, role);
    await tx`update public.imo_members set role = ${role}
             where imo_id = ${imoId!} and user_id = ${userId!}`;
  }).catch(translateDbError);
  return json({ user_id: userId, role });
}

/** POST workspaces/<imo>/members/<user>/remove: also how an owner or admin leaves. */
export async function removeMember(request: Request, { imoId, userId }: Record<string, string>) {
  const claims = await requireUser(request);
  await withUser(claims, async (tx) => {
    const { callerRole, targetRole } = await targetMember(tx, imoId!, userId!);
    requireMayManage(callerRole, targetRole);
    await tx`delete from public.imo_members where imo_id = ${imoId!} and user_id = ${userId!}`;
  }).catch(translateDbError);
  return json({ user_id: userId, removed: true });
}
