/**
 * Who can become a member of an IMO, and the rules that keep an IMO manageable: nobody is added
 * without their consent (only creating an IMO or accepting an invitation writes a membership),
 * an IMO always keeps an owner, invitations are single-use, expiring and bound to an address,
 * and only an owner changes the plan, which is recorded.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { platformEnv } from "../../scripts/testing/platform-env.ts";
import {
  createTenant,
  createUser,
  removeTenant,
  type Tenant,
  type TestUser,
} from "../../scripts/testing/tenants.ts";
import { asCaller, attempt, type Caller, sqlState } from "./actors.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

async function withTenant(fn: (sql: postgres.Sql, a: Tenant) => Promise<void>) {
  const sql = postgres(platformEnv().databaseUrl, { max: 3, onnotice: () => {} });
  const a = await createTenant(sql, "member-a");
  try {
    await fn(sql, a);
  } finally {
    await removeTenant(sql, a);
    await sql.end();
  }
}

const as = (who: TestUser): Caller => ({ kind: "user", claims: who.claims });

const sha256 = async (text: string) =>
  Array.from(
    new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))),
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");

// 20261122120000_create_tenancy.sql let owners and admins insert any user id into imo_members:
// an admin could put a stranger into their IMO (and so into its inbox) without asking them.
Deno.test(
  "nobody is added to an IMO by someone else: owners and admins cannot insert members",
  options,
  () =>
    withTenant(async (sql, a) => {
      const stranger = await createUser(sql, "member-stranger");
      try {
        const add = (role: string): [string, string[]] => [
          `insert into public.imo_members (imo_id, user_id, role) values ($1, $2, '${role}')`,
          [a.imoId, stranger.id],
        ];
        const outcomes = {
          adminAddsRecruiter: await attempt(as(a.users.admin), ...add("recruiter")),
          ownerAddsAdmin: await attempt(as(a.users.owner), ...add("admin")),
          strangerAddsSelf: await attempt(as(stranger), ...add("recruiter")),
        };
        assert.deepEqual(outcomes, {
          adminAddsRecruiter: "denied",
          ownerAddsAdmin: "denied",
          strangerAddsSelf: "denied",
        });
        const [row] = await sql`select count(*)::int as n from public.imo_members
                                where user_id = ${stranger.id}`;
        assert.equal(row!.n, 0);
      } finally {
        await sql`delete from auth.users where id = ${stranger.id}`;
      }
    }),
);

Deno.test(
  "members write only role and display name, IMOs only their name",
  options,
  () =>
    withTenant(async (_sql, a) => {
      const owner = as(a.users.owner);
      const outcomes = {
        role: await attempt(
          owner,
          `update public.imo_members set role = 'admin' where imo_id = $1 and user_id = $2`,
          [a.imoId, a.users.recruiter.id],
        ),
        moveToOtherImo: await attempt(
          owner,
          `update public.imo_members set imo_id = imo_id where imo_id = $1 and user_id = $2`,
          [a.imoId, a.users.recruiter.id],
        ),
        joinedAt: await attempt(
          owner,
          `update public.imo_members set created_at = now() where imo_id = $1 and user_id = $2`,
          [a.imoId, a.users.recruiter.id],
        ),
        imoName: await attempt(owner, `update public.imos set name = 'New' where id = $1`, [
          a.imoId,
        ]),
        imoSlug: await attempt(owner, `update public.imos set slug = 'taken' where id = $1`, [
          a.imoId,
        ]),
      };
      assert.deepEqual(outcomes, {
        role: "allowed",
        moveToOtherImo: "denied",
        joinedAt: "denied",
        imoName: "allowed",
        imoSlug: "denied",
      });
    }),
);

Deno.test(
  "an IMO always keeps an owner; deleting the IMO still removes everyone",
  options,
  () =>
    withTenant(async (sql, a) => {
      const owner = as(a.users.owner);
      const demoteSelf = `update public.imo_members set role = 'admin'
                          where imo_id = $1 and user_id = $2`;
      const leave = `delete from public.imo_members where imo_id = $1 and user_id = $2`;
      const self = [a.imoId, a.users.owner.id];
      assert.equal(await attempt(owner, demoteSelf, self), "error 23514");
      assert.equal(await attempt(owner, leave, self), "error 23514");
      // not even the service role leaves an IMO without an owner
      assert.equal(await attempt({ kind: "service" }, leave, self), "error 23514");
      const error = await asCaller(owner, (tx) => tx.unsafe(leave, self)).catch((e) => e);
      assert.equal(error.constraint_name, "imo_keeps_an_owner");

      // with a second owner, either may step down
      await sql`update public.imo_members set role = 'owner'
                where imo_id = ${a.imoId} and user_id = ${a.users.admin.id}`;
      assert.equal(await attempt(owner, demoteSelf, self), "allowed");
      assert.equal(await attempt(owner, leave, self), "allowed");

      // two owners demoting each other at once: one wins, the other is refused
      const db1 = postgres(platformEnv().databaseUrl, { max: 1, onnotice: () => {} });
      const db2 = postgres(platformEnv().databaseUrl, { max: 1, onnotice: () => {} });
      try {
        let release!: () => void;
        const firstHolds = new Promise<void>((resolve) => (release = resolve));
        const first = db1.begin(async (tx) => {
          await tx`update public.imo_members set role = 'admin'
                   where imo_id = ${a.imoId} and user_id = ${a.users.owner.id}`;
          await firstHolds;
        });
        await new Promise((resolve) => setTimeout(resolve, 200));
        const second = sqlState(db2.begin((tx) =>
          tx`update public.imo_members set role = 'admin'
               where imo_id = ${a.imoId} and user_id = ${a.users.admin.id}`
        ));
        await new Promise((resolve) => setTimeout(resolve, 200));
        release();
        await first;
        assert.equal(await second, "23514");
      } finally {
        await db1.end();
        await db2.end();
      }
      const owners = await sql`select user_id from public.imo_members
                               where imo_id = ${a.imoId} and role = 'owner'`;
      assert.deepEqual(owners.map((r) => r.user_id), [a.users.admin.id]);

      await sql`delete from public.imos where id = ${a.imoId}`;
      const [left] = await sql`select count(*)::int as n from public.imo_members
                               where imo_id = ${a.imoId}`;
      assert.equal(left!.n, 0);
    }),
);

Deno.test(
  "creating an IMO makes the caller its owner, on the active Free plan",
  options,
  async () => {
    const sql = postgres(platformEnv().databaseUrl, { max: 2, onnotice: () => {} });
    const founder = await createUser(sql, "founder");
    try {
      const [{ id }] = await asCaller(
        as(founder),
        (tx) => tx`select private.create_imo('  Acme Recruiting, Inc.  ') as id`,
      ) as [{ id: string }];
      const [imo] = await sql`
        select i.name, i.slug, m.user_id, m.role, s.plan_code, s.status
        from public.imos i join public.imo_members m on m.imo_id = i.id
        join public.imo_subscriptions s on s.imo_id = i.id where i.id = ${id}`;
      assert.equal(imo!.name, "Acme Recruiting, Inc.");
      assert.match(imo!.slug, /^acme-recruiting-inc-[0-9a-f]{6}$/);
      assert.deepEqual([imo!.user_id, imo!.role, imo!.plan_code, imo!.status], [
        founder.id,
        "owner",
        "free",
        "active",
      ]);
      assert.equal(
        await sqlState(asCaller({ kind: "anon" }, (tx) => tx`select private.create_imo('X')`)),
        "42501",
      );
      assert.equal(
        await sqlState(asCaller(as(founder), (tx) => tx`select private.create_imo('   ')`)),
        "23514",
      );
      await sql`delete from public.imos where id = ${id}`;
    } finally {
      await sql`delete from auth.users where id = ${founder.id}`;
      await sql.end();
    }
  },
);

Deno.test(
  "invitations: owners and admins invite below their rank; the token hash is never readable",
  options,
  () =>
    withTenant(async (sql, a) => {
      const invite = (role: string, email: string): [string, string[]] => [
        `insert into public.imo_invitations (imo_id, email, role, token_hash)
         values ($1, $2, '${role}', encode(extensions.digest($2, 'sha256'), 'hex'))`,
        [a.imoId, email],
      ];
      const outcomes = {
        ownerInvitesOwner: await attempt(as(a.users.owner), ...invite("owner", "o@x.test")),
        adminInvitesAdmin: await attempt(as(a.users.admin), ...invite("admin", "a@x.test")),
        adminInvitesOwner: await attempt(as(a.users.admin), ...invite("owner", "o2@x.test")),
        recruiterInvites: await attempt(as(a.users.recruiter), ...invite("recruiter", "r@x.test")),
        forgedInviter: await attempt(
          as(a.users.admin),
          `insert into public.imo_invitations (imo_id, email, role, token_hash, invited_by)
           values ($1, 'f@x.test', 'recruiter', repeat('a', 64), $2)`,
          [a.imoId, a.users.owner.id],
        ),
        longerExpiry: await attempt(
          as(a.users.admin),
          `insert into public.imo_invitations (imo_id, email, role, token_hash, expires_at)
           values ($1, 'e@x.test', 'recruiter', repeat('b', 64), now() + interval '10 years')`,
          [a.imoId],
        ),
      };
      assert.deepEqual(outcomes, {
        ownerInvitesOwner: "allowed",
        adminInvitesAdmin: "allowed",
        adminInvitesOwner: "denied",
        recruiterInvites: "denied",
        forgedInviter: "denied",
        longerExpiry: "denied",
      });

      const [row] = await sql`
        insert into public.imo_invitations (imo_id, email, role, token_hash, invited_by)
        values (${a.imoId}, 'owner-invite@x.test', 'owner', ${await sha256("t-owner")},
          ${a.users.owner.id})
        returning id`;
      const revoke = `update public.imo_invitations set revoked_at = now(), revoked_by = $2
                      where id = $1`;
      assert.equal(
        await attempt(as(a.users.owner), `select token_hash from public.imo_invitations`),
        "denied",
      );
      assert.equal(
        await attempt(as(a.users.recruiter), `select id from public.imo_invitations`),
        "filtered",
      );
      assert.equal(
        await attempt(as(a.users.admin), revoke, [row!.id, a.users.admin.id]),
        "filtered",
        "an admin cannot revoke an invitation to become owner",
      );
      assert.equal(
        await attempt(as(a.users.owner), revoke, [row!.id, a.users.admin.id]),
        "denied",
        "the revoker is the caller",
      );
      assert.equal(
        await attempt(as(a.users.owner), revoke, [row!.id, a.users.owner.id]),
        "allowed",
      );
    }),
);

Deno.test(
  "accepting an invitation: the invited address only, once, before it expires",
  options,
  () =>
    withTenant(async (sql, a) => {
      const invitee = await createUser(sql, "invitee");
      const other = await createUser(sql, "not-invited");
      try {
        const invite = async (email: string, extra: { expiresAt?: string } = {}) => {
          const token = crypto.randomUUID();
          await sql`
            insert into public.imo_invitations (imo_id, email, role, token_hash, invited_by,
              expires_at)
            values (${a.imoId}, ${email}, 'admin', ${await sha256(token)},
              ${a.users.owner.id}, ${extra.expiresAt ?? sql`now() + interval '7 days'`})`;
          return await sha256(token);
        };
        const accept = (who: TestUser, hash: string) =>
          asCaller(as(who), (tx) => tx`select private.accept_invitation(${hash}) as result`)
            .then(([row]) => row!.result as { outcome: string; imo_id?: string; role?: string });
        const preview = (who: TestUser, hash: string) =>
          asCaller(as(who), (tx) => tx`select private.invitation_by_token(${hash}) as result`)
            .then(([row]) => row!.result as Record<string, unknown> | null);

        const hash = await invite(invitee.email);
        const { expires_at, ...shown } = (await preview(other, hash))!;
        assert.ok(new Date(String(expires_at)).getTime() > Date.now());
        assert.deepEqual(shown, {
          imo_name: `IMO ${a.slug}`,
          role: "admin",
          email: invitee.email,
          state: "pending",
          is_for_caller: false,
          is_member: false,
        });
        assert.equal((await preview(invitee, hash))!.is_for_caller, true);
        assert.equal(await preview(invitee, "0".repeat(64)), null);

        assert.deepEqual(await accept(other, hash), { outcome: "email_mismatch" });
        assert.deepEqual(await accept(invitee, "0".repeat(64)), { outcome: "not_found" });
        assert.deepEqual(await accept(invitee, hash), {
          outcome: "accepted",
          imo_id: a.imoId,
          role: "admin",
        });
        assert.deepEqual(await accept(invitee, hash), { outcome: "used" });
        const [member] = await sql`select role from public.imo_members
                                   where imo_id = ${a.imoId} and user_id = ${invitee.id}`;
        assert.equal(member!.role, "admin");
        const [used] = await sql`select accepted_by from public.imo_invitations
                                 where token_hash = ${hash}`;
        assert.equal(used!.accepted_by, invitee.id);
        assert.equal((await preview(invitee, hash))!.state, "accepted");

        const expired = await invite(other.email, { expiresAt: "2000-01-01T00:00:00Z" });
        assert.deepEqual(await accept(other, expired), { outcome: "expired" });
        assert.equal((await preview(other, expired))!.state, "expired");

        const revoked = await invite(`second-${other.email}`);
        await sql`update public.imo_invitations set revoked_at = now() where token_hash = ${revoked}`;
        assert.deepEqual(await accept(other, revoked), { outcome: "revoked" });

        const again = await invite(a.users.recruiter.email);
        assert.deepEqual(await accept(a.users.recruiter, again), {
          outcome: "already_member",
          imo_id: a.imoId,
        });

        // an unconfirmed address is not proof of owning it
        const unconfirmed = await invite(`third-${other.email}`);
        await sql`update auth.users set email = ${`third-${other.email}`},
                  email_confirmed_at = null where id = ${other.id}`;
        assert.deepEqual(await accept(other, unconfirmed), { outcome: "email_mismatch" });
      } finally {
        await sql`delete from auth.users where id in ${sql([invitee.id, other.id])}`;
      }
    }),
);

Deno.test(
  "only an owner changes the plan, to an offered plan, and every change is recorded",
  options,
  () =>
    withTenant(async (sql, a) => {
      const change = (who: TestUser, plan: string) =>
        asCaller(as(who), (tx) => tx`select private.change_plan(${a.imoId}, ${plan}) as result`)
          .then(([row]) => row!.result as { outcome: string });
      assert.deepEqual(await change(a.users.admin, "team"), { outcome: "forbidden" });
      assert.deepEqual(await change(a.users.recruiter, "team"), { outcome: "forbidden" });
      // the tenant's own plan is not offered: nobody picks a plan made for someone else
      assert.deepEqual(await change(a.users.owner, a.planCode), { outcome: "plan_not_offered" });
      assert.deepEqual(await change(a.users.owner, "free"), {
        outcome: "changed",
        from_plan_code: a.planCode,
      });
      assert.deepEqual(await change(a.users.owner, "free"), {
        outcome: "unchanged",
        from_plan_code: "free",
      });
      await sql`update public.imo_subscriptions set status = 'past_due' where imo_id = ${a.imoId}`;
      assert.deepEqual(await change(a.users.owner, "team"), {
        outcome: "changed",
        from_plan_code: "free",
      });
      const [subscription] = await sql`select plan_code, status from public.imo_subscriptions
                                       where imo_id = ${a.imoId}`;
      assert.deepEqual({ ...subscription }, { plan_code: "team", status: "active" });
      const history = await asCaller(
        as(a.users.admin),
        (tx) =>
          tx`select from_plan_code, to_plan_code, changed_by from public.imo_plan_changes
             where imo_id = ${a.imoId} and id <> ${a.planChangeId} order by id`,
      );
      assert.deepEqual(history.map((r) => ({ ...r })), [
        { from_plan_code: a.planCode, to_plan_code: "free", changed_by: a.users.owner.id },
        { from_plan_code: "free", to_plan_code: "team", changed_by: a.users.owner.id },
      ]);
      assert.equal(
        await attempt(as(a.users.recruiter), `select id from public.imo_plan_changes`),
        "filtered",
      );
      assert.equal(
        await attempt(
          as(a.users.owner),
          `insert into public.imo_plan_changes (imo_id, to_plan_code) values ($1, 'team')`,
          [a.imoId],
        ),
        "denied",
      );
    }),
);
