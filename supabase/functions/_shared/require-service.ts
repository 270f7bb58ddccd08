import { type Claims, verifyRequest } from "./auth.ts";
import { HttpError } from "./http.ts";

/** Crons call with the service role key (pg_cron → pg_net); nobody else may. */
export async function requireServiceRole(request: Request): Promise<Claims> {
  const claims = await verifyRequest(request);
  if (claims.role !== "service_role") {
    throw new HttpError(403, "forbidden", "Only the scheduler may call this");
  }
  return claims;
}
