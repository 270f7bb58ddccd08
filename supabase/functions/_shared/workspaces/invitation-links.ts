import {
  type AcceptInvitationResponse,
  invitationPreviewSchema,
  invitationTokenInputSchema,
} from "../../../../shared/src/contracts/workspaces.ts";
import { requireUser } from "../auth.ts";
import { withUser } from "../db.ts";
import { HttpError, json } from "../http.ts";
import { parseBody } from "../validate.ts";
import { hashInvitationToken } from "./invitation-token.ts";

const notFound = () =>
  new HttpError(
    404,
    "invitation_not_found",
    "This invitation link is not valid. Ask whoever invited you for a new one.",
  );

/** The signed-in caller and the hash of the token in the body (the token itself goes no further). */
async function callerAndTokenHash(request: Request) {
  const claims = await requireUser(request);
  const { token } = await parseBody(request, invitationTokenInputSchema);
  return { claims, hash: await hashInvitationToken(token) };
}

/**
 * POST workspaces/invitations/preview: what an invitation link shows the signed-in person holding
 * it (IMO, role, address, state). The token travels in the body so it stays out of access logs.
 */
export async function previewInvitation(request: Request) {
  const { claims, hash } = await callerAndTokenHash(request);
  const [row] = await withUser(
    claims,
    (tx) => tx<{ preview: unknown }[]>`select private.invitation_by_token(${hash}) as preview`,
  );
  if (!row?.preview) throw notFound();
  return json(invitationPreviewSchema.parse(row.preview));
}

/** Why private.accept_invitation refused, as the status and words the invitee sees. */
const REFUSALS: Record<string, () => HttpError> = {
  not_found: notFound,
  revoked: () => new HttpError(410, "invitation_revoked", "This invitation was withdrawn"),
  used: () => new HttpError(410, "invitation_used", "This invitation was already accepted"),
  expired: () =>
    new HttpError(410, "invitation_expired", "This invitation has expired: ask for a new one"),
  email_mismatch: () =>
    new HttpError(
      403,
      "invitation_email_mismatch",
      "This invitation is for another email address: sign in with the address it was sent to",
    ),
  already_member: () =>
    new HttpError(409, "already_member", "You are already a member of this workspace"),
};

/**
 * POST workspaces/invitations/accept: the caller joins with the invited role, if the invitation
 * is open, unexpired and addressed to their confirmed email (checked in private.accept_invitation).
 */
export async function acceptInvitation(request: Request) {
  const { claims, hash } = await callerAndTokenHash(request);
  const [row] = await withUser(
    claims,
    (tx) =>
      tx<{ result: { outcome: string } & AcceptInvitationResponse }[]>`
      select private.accept_invitation(${hash}) as result`,
  );
  const { outcome, imo_id, role } = row!.result;
  if (outcome !== "accepted") {
    throw (REFUSALS[outcome] ?? notFound)();
  }
  const answer: AcceptInvitationResponse = { imo_id, role };
  return json(answer);
}
