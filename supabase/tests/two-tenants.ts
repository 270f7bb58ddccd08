/**
 * Two test tenants for a test body, removed again afterwards whatever happens, and the caller of
 * each role in them.
 */
import postgres from "postgres";
import { platformEnv } from "../../scripts/testing/platform-env.ts";
import {
  createTenant,
  removeTenant,
  type Role,
  type Tenant,
} from "../../scripts/testing/tenants.ts";
import type { Caller } from "./actors.ts";

export async function withTenants(
  label: string,
  fn: (sql: postgres.Sql, a: Tenant, b: Tenant) => Promise<void>,
): Promise<void> {
  const sql = postgres(platformEnv().databaseUrl, { max: 2, onnotice: () => {} });
  const a = await createTenant(sql, `${label}-a`);
  const b = await createTenant(sql, `${label}-b`);
  try {
    await fn(sql, a, b);
  } finally {
    await removeTenant(sql, a);
    await removeTenant(sql, b);
    await sql.end();
  }
}

export const user = (tenant: Tenant, role: Role): Caller => ({
  kind: "user",
  claims: tenant.users[role].claims,
});
