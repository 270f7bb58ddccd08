import type { Tx } from "../db.ts";
import { HttpError } from "../http.ts";

type ImoRole = "owner" | "admin" | "recruiter";

/**
 * Inside a withUser transaction: the caller must belong to the IMO with one of `roles`, and with
 * `feature` the IMO's plan must include it (checked in the same round trip; 402 after 404 and 403).
 */
export async function requireImoRole(
  tx: Tx,
  imoId: string,
  roles: ImoRole[],
  options: { feature?: string } = {},
): Promise<ImoRole> {
  const [member] = await tx<{ role: ImoRole; enabled: boolean }[]>`
    select role,
      ${
    options.feature ? tx`private.has_feature(${imoId}, ${options.feature})` : tx`true`
  } as enabled
    from public.imo_members where imo_id = ${imoId} and user_id = (select auth.uid())`;
  // not telling a stranger whether the IMO exists
  if (!member) {
    throw new HttpError(404, "imo_not_found", "No such workspace, or you are not a member of it");
  }
  if (!roles.includes(member.role)) {
    throw new HttpError(
      403,
      "forbidden",
      `This needs the ${roles.join(" or ")} role in the workspace`,
    );
  }
  if (!member.enabled) throw await planRequired(tx, options.feature!);
  return member.role;
}

/**
 * The IMO's plan must include `feature`; otherwise 402 naming the cheapest offered plan that does
 * (a custom plan nobody can switch to is no answer).
 */
export async function requireFeature(tx: Tx, imoId: string, feature: string) {
  const [row] = await tx<
    { enabled: boolean }[]
  >`select private.has_feature(${imoId}, ${feature}) as enabled`;
  if (row?.enabled) return;
  throw await planRequired(tx, feature);
}

async function planRequired(tx: Tx, feature: string): Promise<HttpError> {
  const [plan] = await tx<{ code: string; name: string }[]>`
    select code, name from public.subscription_plans
    where is_offered and coalesce((features ->> ${feature})::boolean, false)
    order by monthly_price_cents, code limit 1`;
  return new HttpError(
    402,
    "plan_required",
    `This needs the ${plan?.name ?? "a higher"} plan`,
    { feature },
    { required: plan?.code ?? "team" },
  );
}
