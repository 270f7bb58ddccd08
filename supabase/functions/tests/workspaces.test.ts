/**
 * The workspaces function over HTTP, as real signed-up users: creating an IMO, inviting and
 * accepting, managing members under the owner/admin rules, and changing the plan.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { myWorkspacesResponseSchema } from "../../../shared/src/contracts/my-workspaces.ts";
import {
  createInvitationResponseSchema,
  createWorkspaceResponseSchema,
  invitationPreviewSchema,
  membersResponseSchema,
  planResponseSchema,
} from "../../../shared/src/contracts/workspaces.ts";
import { platformEnv, signedInClient } from "../../../scripts/testing/platform-env.ts";
import { callFunction } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

interface Person {
  id: string;
  email: string;
  accessToken: string;
}

/** Real users from /auth/v1 and one database handle; everything they created goes at the end. */
async function withPeople(fn: (sql: postgres.Sql, person: () => Promise<Person>) => Promise<void>) {
  const sql = postgres(platformEnv().databaseUrl, { max: 2, onnotice: () => {} });
  const people: Person[] = [];
  const person = async () => {
    const { user, email, session } = await signedInClient("ws");
    const made = { id: user.id, email, accessToken: session.access_token };
    people.push(made);
    return made;
  };
  try {
    await fn(sql, person);
  } finally {
    const ids = people.map((p) => p.id);
    if (ids.length) {
      await sql`delete from public.imos where id in (
                  select imo_id from public.imo_members where user_id in ${sql(ids)})`;
      await sql`delete from auth.users where id in ${sql(ids)}`;
    }
    await sql.end();
  }
}

async function call(who: Person, path: string, body?: unknown) {
  const response = await callFunction(who, path, { body });
  return { status: response.status, body: await response.json() };
}

async function createImo(who: Person, name = "Acme Recruiting") {
  const { status, body } = await call(who, "workspaces", { name });
  assert.equal(status, 201, JSON.stringify(body));
  return createWorkspaceResponseSchema.parse(body).workspace.imo_id;
}

async function invite(who: Person, imoId: string, email: string, role: string) {
  const { status, body } = await call(who, `workspaces/${imoId}/invitations`, { email, role });
  assert.equal(status, 201, JSON.stringify(body));
  return createInvitationResponseSchema.parse(body);
}

Deno.test(
  "workspaces: a new sign-up creates an IMO and is its owner on the Free plan",
  options,
  () =>
    withPeople(async (_sql, person) => {
      const founder = await person();
      const before = await call(founder, "my-workspaces");
      assert.deepEqual(before.body, { workspaces: [] });

      const imoId = await createImo(founder, "  Northwind Talent  ");
      const { workspaces } = myWorkspacesResponseSchema.parse(
        (await call(founder, "my-workspaces")).body,
      );
      assert.deepEqual(
        workspaces.map((w) => [w.imo_id, w.name, w.role, w.plan_code]),
        [[imoId, "Northwind Talent", "owner", "free"]],
      );

      const blank = await call(founder, "workspaces", { name: "   " });
      assert.equal(blank.status, 422);
      assert.equal(blank.body.error.details[0].path, "name");
      const anon = await callFunction({ accessToken: platformEnv().anonKey }, "workspaces", {
        body: { name: "Anon" },
      });
      assert.equal(anon.status, 401);
      await anon.body?.cancel();
    }),
);

Deno.test(
  "workspaces: unknown routes are 404, wrong methods 405, and the preflight is answered",
  options,
  () =>
    withPeople(async (_sql, person) => {
      const someone = await person();
      assert.equal((await call(someone, "workspaces/nope")).status, 404);
      assert.equal((await call(someone, "workspaces/not-a-uuid/members")).status, 404);
      const wrongMethod = await callFunction(someone, "workspaces", { method: "GET" });
      assert.equal(wrongMethod.status, 405);
      await wrongMethod.body?.cancel();
      const preflight = await fetch(`${platformEnv().url}/functions/v1/workspaces/x/members`, {
        method: "OPTIONS",
      });
      assert.equal(preflight.status, 200);
      await preflight.body?.cancel();
      // a stranger learns nothing about someone else's IMO
      const owner = await person();
      const imoId = await createImo(owner);
      const peek = await call(someone, `workspaces/${imoId}/members`);
      assert.equal(peek.status, 404);
    }),
);

Deno.test(
  "invitations: invite, preview, accept once with the invited address; revoke and replace",
  options,
  () =>
    withPeople(async (sql, person) => {
      const owner = await person();
      const invitee = await person();
      const stranger = await person();
      const imoId = await createImo(owner, "Invite Co");

      const { token, invitation } = await invite(
        owner,
        imoId,
        invitee.email.toUpperCase(),
        "admin",
      );
      assert.equal(invitation.email, invitee.email);
      assert.equal(invitation.invited_by_email, owner.email);
      assert.match(token, /^[A-Za-z0-9_-]{43}$/);
      const [stored] = await sql`select token_hash from public.imo_invitations
                                 where id = ${invitation.id}`;
      assert.notEqual(stored!.token_hash, token);
      assert.match(stored!.token_hash, /^[0-9a-f]{64}$/);

      const seen = await call(stranger, "workspaces/invitations/preview", { token });
      assert.equal(seen.status, 200);
      const preview = invitationPreviewSchema.parse(seen.body);
      assert.deepEqual(
        [preview.imo_name, preview.role, preview.state, preview.is_for_caller],
        ["Invite Co", "admin", "pending", false],
      );
      const wrong = await call(stranger, "workspaces/invitations/accept", { token });
      assert.deepEqual([wrong.status, wrong.body.error.code], [403, "invitation_email_mismatch"]);
      const malformed = await call(invitee, "workspaces/invitations/accept", { token: "abc" });
      assert.equal(malformed.status, 422);
      const unknown = await call(invitee, "workspaces/invitations/accept", {
        token: "A".repeat(43),
      });
      assert.deepEqual([unknown.status, unknown.body.error.code], [404, "invitation_not_found"]);

      const accepted = await call(invitee, "workspaces/invitations/accept", { token });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.deepEqual(accepted.body, { imo_id: imoId, role: "admin" });
      const again = await call(invitee, "workspaces/invitations/accept", { token });
      assert.deepEqual([again.status, again.body.error.code], [410, "invitation_used"]);
      const { workspaces } = myWorkspacesResponseSchema.parse(
        (await call(invitee, "my-workspaces")).body,
      );
      assert.deepEqual(workspaces.map((w) => [w.imo_id, w.role]), [[imoId, "admin"]]);

      // inviting again replaces the earlier link; revoking stops the new one
      const first = await invite(owner, imoId, stranger.email, "recruiter");
      const second = await invite(owner, imoId, stranger.email, "recruiter");
      const old = await call(stranger, "workspaces/invitations/accept", { token: first.token });
      assert.deepEqual([old.status, old.body.error.code], [410, "invitation_revoked"]);
      const listed = membersResponseSchema.parse(
        (await call(owner, `workspaces/${imoId}/members`)).body,
      );
      assert.deepEqual(listed.invitations.map((i) => i.id), [second.invitation.id]);
      const revoke = await call(
        owner,
        `workspaces/${imoId}/invitations/${second.invitation.id}/revoke`,
        {},
      );
      assert.equal(revoke.status, 200);
      const late = await call(stranger, "workspaces/invitations/accept", { token: second.token });
      assert.deepEqual([late.status, late.body.error.code], [410, "invitation_revoked"]);

      // expired links are refused
      const third = await invite(owner, imoId, stranger.email, "recruiter");
      await sql`update public.imo_invitations set expires_at = now() - interval '1 minute'
                where id = ${third.invitation.id}`;
      const expired = await call(stranger, "workspaces/invitations/accept", { token: third.token });
      assert.deepEqual([expired.status, expired.body.error.code], [410, "invitation_expired"]);

      // a member is not invited twice
      const dup = await call(owner, `workspaces/${imoId}/invitations`, {
        email: invitee.email,
        role: "recruiter",
      });
      assert.deepEqual([dup.status, dup.body.error.code], [409, "already_member"]);
    }),
);

Deno.test(
  "members: admins manage everyone but owners, recruiters only look, the last owner stays",
  options,
  () =>
    withPeople(async (_sql, person) => {
      const owner = await person();
      const admin = await person();
      const recruiter = await person();
      const imoId = await createImo(owner, "Rules Inc");
      for (const [who, role] of [[admin, "admin"], [recruiter, "recruiter"]] as const) {
        const { token } = await invite(owner, imoId, who.email, role);
        assert.equal((await call(who, "workspaces/invitations/accept", { token })).status, 200);
      }
      const base = `workspaces/${imoId}/members`;

      const adminInvitesOwner = await call(admin, `workspaces/${imoId}/invitations`, {
        email: "boss@test.dmdesk.local",
        role: "owner",
      });
      assert.deepEqual([adminInvitesOwner.status, adminInvitesOwner.body.error.code], [
        403,
        "owner_only",
      ]);
      const recruiterInvites = await call(recruiter, `workspaces/${imoId}/invitations`, {
        email: "friend@test.dmdesk.local",
        role: "recruiter",
      });
      assert.equal(recruiterInvites.status, 403);

      const asRecruiter = membersResponseSchema.parse((await call(recruiter, base)).body);
      assert.deepEqual(
        asRecruiter.members.map((m) => [m.email, m.role]).sort(),
        [[admin.email, "admin"], [owner.email, "owner"], [recruiter.email, "recruiter"]].sort(),
      );
      assert.deepEqual(asRecruiter.invitations, []);

      const refusals = {
        adminDemotesOwner: await call(admin, `${base}/${owner.id}/role`, { role: "recruiter" }),
        adminRemovesOwner: await call(admin, `${base}/${owner.id}/remove`, {}),
        adminPromotesSelf: await call(admin, `${base}/${admin.id}/role`, { role: "owner" }),
        recruiterRemoves: await call(recruiter, `${base}/${admin.id}/remove`, {}),
        lastOwnerLeaves: await call(owner, `${base}/${owner.id}/remove`, {}),
        lastOwnerStepsDown: await call(owner, `${base}/${owner.id}/role`, { role: "admin" }),
        badRole: await call(owner, `${base}/${admin.id}/role`, { role: "boss" }),
        notAMember: await call(owner, `${base}/${crypto.randomUUID()}/remove`, {}),
      };
      assert.deepEqual(
        Object.fromEntries(
          Object.entries(refusals).map(([k, r]) => [k, `${r.status} ${r.body.error?.code}`]),
        ),
        {
          adminDemotesOwner: "403 owner_only",
          adminRemovesOwner: "403 owner_only",
          adminPromotesSelf: "403 owner_only",
          recruiterRemoves: "403 forbidden",
          lastOwnerLeaves: "409 last_owner",
          lastOwnerStepsDown: "409 last_owner",
          badRole: "422 validation_failed",
          notAMember: "404 member_not_found",
        },
      );

      assert.equal(
        (await call(admin, `${base}/${recruiter.id}/role`, { role: "admin" })).status,
        200,
      );
      assert.equal((await call(owner, `${base}/${admin.id}/role`, { role: "owner" })).status, 200);
      // with a second owner, the first may step down
      assert.equal((await call(owner, `${base}/${owner.id}/role`, { role: "admin" })).status, 200);
      assert.equal((await call(admin, `${base}/${recruiter.id}/remove`, {})).status, 200);
      const after = membersResponseSchema.parse((await call(admin, base)).body);
      assert.deepEqual(
        after.members.map((m) => [m.email, m.role]).sort(),
        [[admin.email, "owner"], [owner.email, "admin"]].sort(),
      );
      const removed = await call(recruiter, base);
      assert.equal(removed.status, 404, "a removed member no longer sees the IMO");
    }),
);

Deno.test(
  "plan: the owner switches Free → Team at once, recorded; nobody else can",
  options,
  () =>
    withPeople(async (_sql, person) => {
      const owner = await person();
      const admin = await person();
      const imoId = await createImo(owner, "Plan Co");
      const { token } = await invite(owner, imoId, admin.email, "admin");
      await call(admin, "workspaces/invitations/accept", { token });

      const plan = planResponseSchema.parse((await call(owner, `workspaces/${imoId}/plan`)).body);
      assert.equal(plan.current?.plan_code, "free");
      assert.deepEqual(plan.plans.map((p) => p.code), ["free", "pro", "team"]);
      assert.equal(plan.plans[2]!.features.instagram_messaging, true);

      const byAdmin = await call(admin, `workspaces/${imoId}/plan`, { plan_code: "team" });
      assert.deepEqual([byAdmin.status, byAdmin.body.error.code], [403, "forbidden"]);
      const unknown = await call(owner, `workspaces/${imoId}/plan`, { plan_code: "platinum" });
      assert.deepEqual([unknown.status, unknown.body.error.code], [422, "plan_not_offered"]);

      const changed = await call(owner, `workspaces/${imoId}/plan`, { plan_code: "team" });
      assert.deepEqual(changed.body, { plan_code: "team", from_plan_code: "free", changed: true });
      const { workspaces } = myWorkspacesResponseSchema.parse(
        (await call(admin, "my-workspaces")).body,
      );
      assert.equal(workspaces[0]!.features.instagram_messaging, true, "unlocked at once");

      const after = planResponseSchema.parse((await call(admin, `workspaces/${imoId}/plan`)).body);
      assert.deepEqual(
        after.changes.map((c) => [c.from_plan_code, c.to_plan_code, c.changed_by_email]),
        [["free", "team", owner.email]],
      );
      const same = await call(owner, `workspaces/${imoId}/plan`, { plan_code: "team" });
      assert.equal(same.body.changed, false);
    }),
);
