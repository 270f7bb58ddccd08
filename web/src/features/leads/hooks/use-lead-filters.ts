import { leadSourceSchema, leadStatusSchema } from "@dm-desk/shared/schemas/enums";
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import type { LeadFilters } from "@/features/leads/api/keys.ts";

/**
 * The Leads page's filters live in the URL (`?source=instagram_dm&status=new`), so a reload or a
 * shared link shows the same leads; a value the server would refuse is ignored.
 */
export function useLeadFilters() {
  const [params, setParams] = useSearchParams();
  const source = leadSourceSchema.safeParse(params.get("source")).data;
  const status = leadStatusSchema.safeParse(params.get("status")).data;
  const filters = useMemo<LeadFilters>(
    () => ({ ...(source ? { source } : {}), ...(status ? { status } : {}) }),
    [source, status],
  );
  const setFilter = (name: keyof LeadFilters, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    }, { replace: true });
  return { filters, setFilter };
}
