import {
  changePlanInputSchema,
  type ChangePlanResponse,
  type PlanResponse,
} from "../../../../shared/src/contracts/workspaces.ts";
import { requireUser } from "../auth.ts";
import { withUser } from "../db.ts";
import { HttpError, json } from "../http.ts";
import { parseBody } from "../validate.ts";
import { requireImoRole } from "../connect/access.ts";

/**
 * GET workspaces/<imo>/plan: the IMO's plan, the plans on offer with what each unlocks, and the
 * last changes (RLS shows those to owners and admins only).
 */
export async function getPlan(request: Request, { imoId }: Record<string, string>) {
  const claims = await requireUser(request);
  const answer = await withUser(claims, async (tx): Promise<PlanResponse> => {
    await requireImoRole(tx, imoId!, ["owner", "admin", "recruiter"]);
    const [current] = await tx<NonNullable<PlanResponse["current"]>[]>`
      select s.plan_code, p.name as plan_name, s.status
      from public.imo_subscriptions s join public.subscription_plans p on p.code = s.plan_code
      where s.imo_id = ${imoId!}`;
    const plans = await tx<PlanResponse["plans"]>`
      select code, name, monthly_price_cents, features from public.subscription_plans
      where is_offered order by monthly_price_cents, code`;
    const changes = await tx<PlanResponse["changes"]>`
      select c.from_plan_code, c.to_plan_code, d.email as changed_by_email, c.changed_at
      from public.imo_plan_changes c
      left join private.imo_member_directory(${imoId!}) d on d.user_id = c.changed_by
      where c.imo_id = ${imoId!}
      order by c.changed_at desc, c.id desc limit 20`;
    return { current: current ?? null, plans, changes };
  });
  return json(answer);
}

/**
 * POST workspaces/<imo>/plan: an owner switches plan, at once and recorded
 * (private.change_plan). No payment is taken: README "Plans and billing" says where a billing
 * provider's checkout and webhook would take this route's place.
 */
export async function changePlan(request: Request, { imoId }: Record<string, string>) {
  const claims = await requireUser(request);
  const { plan_code } = await parseBody(request, changePlanInputSchema);
  const result = await withUser(claims, async (tx) => {
    await requireImoRole(tx, imoId!, ["owner"]);
    const [row] = await tx<{ result: { outcome: string; from_plan_code?: string | null } }[]>`
      select private.change_plan(${imoId!}, ${plan_code}) as result`;
    return row!.result;
  });
  if (result.outcome === "plan_not_offered") {
    throw new HttpError(422, "plan_not_offered", `There is no plan "${plan_code}" to choose`);
  }
  if (result.outcome === "forbidden") {
    throw new HttpError(403, "forbidden", "Only an owner can change the plan");
  }
  const answer: ChangePlanResponse = {
    plan_code,
    from_plan_code: result.from_plan_code ?? null,
    changed: result.outcome === "changed",
  };
  return json(answer);
}
