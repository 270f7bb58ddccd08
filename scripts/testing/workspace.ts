import type { SupabaseClient } from "@supabase/supabase-js";
import postgres from "postgres";
import { platformEnv, signedInClient } from "./platform-env.ts";

export interface Workspace {
  imoId: string;
  userId: string;
  email: string;
  /** to sign the same member in again, as from another browser */
  password: string;
  /** supabase-js holding the member's session, for functions.invoke */
  client: SupabaseClient;
  accessToken: string;
  sql: postgres.Sql;
  close(): Promise<void>;
}

/**
 * A real signed-in user (through /auth/v1) who is a member of a fresh IMO on `plan`: what a
 * function test needs to call functions as a person.
 */
export async function createWorkspace(
  options: {
    plan?: "free" | "pro" | "team";
    role?: "owner" | "admin" | "recruiter";
    label?: string;
  } = {},
): Promise<Workspace> {
  const { client, user, email, password, session } = await signedInClient(
    options.label ?? "member",
  );
  const sql = postgres(platformEnv().databaseUrl, { max: 2, onnotice: () => {} });
  const slug = `ws-${crypto.randomUUID().slice(0, 12)}`;
  const [imo] = await sql<{ id: string }[]>`
    insert into public.imos (name, slug) values (${`Workspace ${slug}`}, ${slug}) returning id`;
  await sql`insert into public.imo_members (imo_id, user_id, role) values (${
    imo!.id
  }, ${user.id}, ${options.role ?? "admin"})`;
  await sql`insert into public.imo_subscriptions (imo_id, plan_code) values (${imo!.id}, ${
    options.plan ?? "team"
  })`;
  return {
    imoId: imo!.id,
    userId: user.id,
    email,
    password,
    client,
    accessToken: session.access_token,
    sql,
    async close() {
      try {
        await deleteImo(sql, imo!.id);
      } finally {
        await sql.end();
      }
    },
  };
}

/**
 * Deletes the IMO and, by cascade, everything it holds. The gateway may still be working on it
 * when a test ends (the echoes of its last sends, a pass of the every-minute run, the governor):
 * the cascade locks rows in another order than that work, and one of the two can be chosen as
 * the victim of a deadlock (40P01, e.g. `delete from public.imos` against take_graph_call). The
 * delete is then simply done again.
 */
async function deleteImo(sql: postgres.Sql, imoId: string) {
  for (let attempt = 1;; attempt++) {
    try {
      await sql`delete from public.imos where id = ${imoId}`;
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt === 5) throw error;
    }
  }
}

/** Calls a function over plain HTTP as the workspace member (no supabase-js in between). */
export function callFunction(
  workspace: Pick<Workspace, "accessToken">,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<Response> {
  const { url, anonKey } = platformEnv();
  return fetch(`${url}/functions/v1/${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      authorization: `Bearer ${workspace.accessToken}`,
      apikey: anonKey,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
