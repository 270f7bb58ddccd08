import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";

/**
 * What the member may do with channels here, mirroring instagram-oauth-init and
 * instagram-disconnect (owner or admin; connecting also needs `instagram_messaging`), so the
 * buttons are disabled up front rather than failing with a 402/403.
 */
export function channelPermissions(workspace: Pick<MyWorkspace, "role" | "features">) {
  const canManage = workspace.role === "owner" || workspace.role === "admin";
  const planAllows = workspace.features.instagram_messaging === true;
  return { canManage, planAllows, canConnect: canManage && planAllows };
}
