import type { ImoRole } from "@dm-desk/shared/schemas/enums";

/**
 * What the signed-in member may do to another, mirroring the workspaces function and RLS:
 * owners manage everyone, admins everyone but owners (and never make anyone owner), recruiters
 * nobody. The last owner's own limit is the server's to tell (it knows the count).
 */
export function canManageMember(myRole: ImoRole, theirRole: ImoRole): boolean {
  if (myRole === "owner") return true;
  return myRole === "admin" && theirRole !== "owner";
}

/** The roles the member may give, whether by invitation or by a role change. */
export function assignableRoles(myRole: ImoRole): ImoRole[] {
  if (myRole === "owner") return ["owner", "admin", "recruiter"];
  if (myRole === "admin") return ["admin", "recruiter"];
  return [];
}

export const ROLE_DESCRIPTIONS: Record<ImoRole, string> = {
  owner: "Everything, including the plan and other owners",
  admin: "Channels, members and invitations, except owners",
  recruiter: "Answers conversations",
};
