import { requireUser } from "./auth.ts";
import { withUser } from "./db.ts";
import { endpoint } from "./endpoint.ts";
import { json } from "./http.ts";

/**
 * my-workspaces: the caller's IMOs with role and plan features, read through RLS as the caller.
 * Features of a lapsed subscription are not reported as available.
 */
export function createMyWorkspacesHandler() {
  return endpoint("GET", async (request) => {
    const claims = await requireUser(request);
    const workspaces = await withUser(claims, (tx) =>
      tx`
        select i.id as imo_id, i.name, i.slug, m.role, p.code as plan_code, p.name as plan_name,
          case when s.status in ('trialing', 'active') then coalesce(p.features, '{}'::jsonb) else '{}'::jsonb end
            as features
        from public.imo_members m
        join public.imos i on i.id = m.imo_id
        left join public.imo_subscriptions s on s.imo_id = i.id
        left join public.subscription_plans p on p.code = s.plan_code
        where m.user_id = (select auth.uid())
        order by i.name`);
    return json({ workspaces });
  });
}
