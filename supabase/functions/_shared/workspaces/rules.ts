import type { ImoRole } from "../../../../shared/src/schemas/enums.ts";
import { HttpError } from "../http.ts";

/**
 * Admins manage everyone but owners: they cannot change, remove or invite an owner, nor make
 * anyone owner. Owners manage everyone. The RLS policies say the same; this answers first, with a
 * message a person can act on.
 */
export function requireMayManage(callerRole: ImoRole, ...roles: ImoRole[]) {
  if (callerRole === "owner" || !roles.includes("owner")) return;
  throw new HttpError(
    403,
    "owner_only",
    "Only an owner can invite, change or remove an owner, or make someone owner",
  );
}

/**
 * The database's refusals that a person can cause, as clear answers: the last owner
 * (private.keep_an_owner), a second open invitation to one address, and RLS (42501).
 */
export function translateDbError(error: unknown): never {
  const { code, constraint_name } = error as { code?: string; constraint_name?: string };
  if (code === "23514" && constraint_name === "imo_keeps_an_owner") {
    throw new HttpError(
      409,
      "last_owner",
      "A workspace keeps at least one owner: make someone else owner first",
    );
  }
  if (code === "23505" && constraint_name === "imo_invitations_open_email_idx") {
    throw new HttpError(
      409,
      "invitation_open",
      "An invitation to this address is already open; an owner can revoke it",
    );
  }
  if (code === "42501") {
    throw new HttpError(403, "forbidden", "You can't do that in this workspace");
  }
  throw error;
}
