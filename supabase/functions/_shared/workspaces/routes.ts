import { router, UUID } from "../router.ts";
import { createWorkspace } from "./create-workspace.ts";
import { acceptInvitation, previewInvitation } from "./invitation-links.ts";
import { createInvitation, revokeInvitation } from "./invitations.ts";
import { changeRole, listMembers, removeMember } from "./members.ts";
import { changePlan, getPlan } from "./plan.ts";

const imo = `/workspaces/:imoId${UUID}`;

/**
 * workspaces: creating an IMO, its members, invitations and plan (contracts in
 * shared/src/contracts/workspaces.ts). Every route acts as the caller through RLS; membership
 * itself is written only by private.create_imo and private.accept_invitation.
 */
export function createWorkspacesHandler() {
  return router([
    { method: "POST", path: "/workspaces", handle: createWorkspace },
    { method: "POST", path: "/workspaces/invitations/preview", handle: previewInvitation },
    { method: "POST", path: "/workspaces/invitations/accept", handle: acceptInvitation },
    { method: "GET", path: `${imo}/members`, handle: listMembers },
    { method: "POST", path: `${imo}/members/:userId${UUID}/role`, handle: changeRole },
    { method: "POST", path: `${imo}/members/:userId${UUID}/remove`, handle: removeMember },
    { method: "POST", path: `${imo}/invitations`, handle: createInvitation },
    {
      method: "POST",
      path: `${imo}/invitations/:invitationId${UUID}/revoke`,
      handle: revokeInvitation,
    },
    { method: "GET", path: `${imo}/plan`, handle: getPlan },
    { method: "POST", path: `${imo}/plan`, handle: changePlan },
  ]);
}
