import assert from "node:assert/strict";
import postgres from "postgres";
import { asService, withUser } from "../_shared/db.ts";
import { platformEnv } from "../../../scripts/testing/platform-env.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

/** A throwaway RLS-protected table, written the way our migrations write them. */
async function createNotesTable() {
  const table = `notes_${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;
  const sql = postgres(platformEnv().databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`
      create table public.${table} (id bigint generated always as identity primary key, owner uuid not null, body text not null);
      alter table public.${table} enable row level security;
      create policy "Notes can be read by their owner" on public.${table}
        for select to authenticated using ((select auth.uid()) = owner);
      create policy "Notes can be written by their owner" on public.${table}
        for insert to authenticated with check ((select auth.uid()) = owner);
      grant select, insert on public.${table} to authenticated;
    `);
  } finally {
    await sql.end();
  }
  return table;
}

Deno.test(
  "withUser: auth.uid() is the caller and RLS filters rows as on Supabase; asService sees all",
  options,
  async () => {
    const table = await createNotesTable();
    const alice = { sub: crypto.randomUUID(), role: "authenticated", email: "alice@test.local" };
    const bob = { sub: crypto.randomUUID(), role: "authenticated", email: "bob@test.local" };

    const who = await withUser(
      alice,
      (tx) =>
        tx`select auth.uid() as uid, auth.role() as role, auth.email() as email, current_user as db_role, auth.jwt() ->> 'sub' as jwt_sub`,
    );
    assert.deepEqual({ ...who[0] }, {
      uid: alice.sub,
      role: "authenticated",
      email: alice.email,
      db_role: "authenticated",
      jwt_sub: alice.sub,
    });

    await withUser(
      alice,
      (tx) =>
        tx.unsafe(`insert into public.${table} (owner, body) values ($1, 'alice note')`, [
          alice.sub,
        ]),
    );
    await withUser(
      bob,
      (tx) =>
        tx.unsafe(`insert into public.${table} (owner, body) values ($1, 'bob note')`, [bob.sub]),
    );

    const aliceSees = await withUser(alice, (tx) => tx.unsafe(`select body from public.${table}`));
    assert.deepEqual(
      aliceSees.map((row) => row.body),
      ["alice note"],
    );

    await assert.rejects(
      withUser(
        alice,
        (tx) =>
          tx.unsafe(`insert into public.${table} (owner, body) values ($1, 'forged')`, [bob.sub]),
      ),
      /row-level security/,
    );

    const serviceSees = await asService((tx) =>
      tx.unsafe(`select body from public.${table} order by id`)
    );
    assert.deepEqual(
      serviceSees.map((row) => row.body),
      ["alice note", "bob note"],
    );
    const serviceRole = await asService((tx) =>
      tx`select current_user as db_role, auth.role() as role`
    );
    assert.deepEqual({ ...serviceRole[0] }, { db_role: "service_role", role: "service_role" });
  },
);

Deno.test("withUser's settings end with its transaction", options, async () => {
  const alice = { sub: crypto.randomUUID(), role: "authenticated" };
  await withUser(alice, (tx) => tx`select 1`);
  const [after] = await asService((tx) => tx`select auth.uid() as uid`);
  assert.equal(after!.uid, null);
});
