import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";

const ROLE_LABELS: Record<MyWorkspace["role"], string> = {
  owner: "Owner",
  admin: "Admin",
  recruiter: "Recruiter",
};

// A workspace without a subscription row has no plan at all, which reads better as "No plan"
// than as an empty string.
export function planLabel(workspace: Pick<MyWorkspace, "plan_name">): string {
  return workspace.plan_name ? `${workspace.plan_name} plan` : "No plan";
}

export function roleLabel(role: MyWorkspace["role"]): string {
  return ROLE_LABELS[role];
}

export function workspaceInitial(name: string): string {
  return name.trim().charAt(0).toUpperCase() || "?";
}
