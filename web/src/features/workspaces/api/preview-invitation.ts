import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  type InvitationPreview,
  invitationPreviewSchema,
} from "@dm-desk/shared/contracts/workspaces";
import { workspaceKeys } from "@/features/workspaces/api/keys.ts";
import { invokeFunction } from "@/lib/functions.ts";

// The token goes in a POST body, never in a function URL, so it stays out of access logs.
export async function previewInvitation(token: string): Promise<InvitationPreview> {
  return await invokeFunction("workspaces/invitations/preview", invitationPreviewSchema, {
    method: "POST",
    body: { token },
  });
}

export function invitationPreviewQueryOptions(token: string) {
  return queryOptions({
    queryKey: workspaceKeys.invitation(token),
    queryFn: () => previewInvitation(token),
    // a bad link stays bad: retrying would only delay the explanation
    retry: false,
  });
}

export function useInvitationPreview(token: string) {
  return useQuery(invitationPreviewQueryOptions(token));
}
