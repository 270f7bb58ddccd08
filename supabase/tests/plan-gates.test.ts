import assert from "node:assert/strict";
import postgres from "postgres";
import { platformEnv } from "../../scripts/testing/platform-env.ts";
import { createTenant, removeTenant } from "../../scripts/testing/tenants.ts";
import { asCaller, attempt, type Caller } from "./actors.ts";
import { user, withTenants } from "./two-tenants.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

/**
 * Paid features are gated in RLS, not only in functions, in case a table is ever reachable without
 * them (the Data API is off, data-api.test.ts, but RLS is the second wall): on a plan without them,
 * even an admin cannot queue replies, schedule messages or create templates.
 */
Deno.test(
  "a plan without the Instagram features refuses replies, schedules and templates in RLS",
  options,
  async () => {
    const sql = postgres(platformEnv().databaseUrl, { max: 2, onnotice: () => {} });
    const tenant = await createTenant(sql, "free-plan");
    try {
      const admin = { kind: "user" as const, claims: tenant.users.admin.claims };
      const reply =
        `insert into public.messages (imo_id, channel_account_id, conversation_id, direction, author_kind,
        author_user_id, text, status) values ($1, $2, $3, 'outbound', 'user', $4, 'Hi!', 'pending')`;
      const schedule =
        `insert into public.scheduled_messages (imo_id, channel_account_id, conversation_id,
        text, scheduled_for) values ($1, $2, $3, 'Later', now() + interval '1 hour')`;
      const template = `insert into public.message_templates (imo_id, name, content, category)
        values ($1, 'Hello', 'Hello there', 'greeting')`;
      const replyParams = [
        tenant.imoId,
        tenant.channelAccountId,
        tenant.conversationId,
        tenant.users.admin.id,
      ];
      const templateParams = [tenant.imoId];

      // on the plan createTenant gives (all features): allowed
      assert.equal(await attempt(admin, reply, replyParams), "allowed");
      assert.equal(await attempt(admin, schedule, replyParams.slice(0, 3)), "allowed");
      assert.equal(await attempt(admin, template, templateParams), "allowed");

      await sql`update public.subscription_plans set features = '{"instagram_messaging": false,
      "instagram_scheduled_messages": false, "instagram_templates": false}' where code = ${tenant.planCode}`;
      assert.equal(await attempt(admin, reply, replyParams), "denied");
      assert.equal(await attempt(admin, schedule, replyParams.slice(0, 3)), "denied");
      assert.equal(await attempt(admin, template, templateParams), "denied");

      // a lapsed subscription counts as no plan
      await sql`update public.subscription_plans set features = '{"instagram_messaging": true}' where code = ${tenant.planCode}`;
      await sql`update public.imo_subscriptions set status = 'canceled' where imo_id = ${tenant.imoId}`;
      assert.equal(await attempt(admin, reply, replyParams), "denied");
    } finally {
      await removeTenant(sql, tenant);
      await sql.end();
    }
  },
);

// sent_at is the server's (20261202100300): a member can date a reply neither ahead, which would
// pin the thread to the top of everyone's inbox, nor back.
Deno.test("a member cannot date a queued reply", options, async () => {
  const sql = postgres(platformEnv().databaseUrl, { max: 2, onnotice: () => {} });
  const tenant = await createTenant(sql, "future-reply");
  try {
    const recruiter = { kind: "user" as const, claims: tenant.users.recruiter.claims };
    const reply = (sentAt?: string) =>
      `insert into public.messages (imo_id, channel_account_id, conversation_id, direction, author_kind,
        author_user_id, text, status${sentAt ? ", sent_at" : ""})
        values ($1, $2, $3, 'outbound', 'user', $4, 'Pinned!', 'pending'${
        sentAt ? `, ${sentAt}` : ""
      })`;
    const params = [
      tenant.imoId,
      tenant.channelAccountId,
      tenant.conversationId,
      tenant.users.recruiter.id,
    ];
    assert.equal(await attempt(recruiter, reply("now() + interval '1 hour'"), params), "denied");
    assert.equal(await attempt(recruiter, reply("now() - interval '1 second'"), params), "denied");
    assert.equal(await attempt(recruiter, reply(), params), "allowed");
  } finally {
    await removeTenant(sql, tenant);
    await sql.end();
  }
});

// 20261122120100_create_billing.sql: has_feature answered for any IMO, so any signed-in user could
// read any IMO's plan through it. Functions and crons (service role, no user) still ask for any.
Deno.test(
  "private.has_feature answers a signed-in user only for their own IMOs",
  options,
  () =>
    withTenants("feature", async (sql, a, b) => {
      const ask = (caller: Caller) =>
        asCaller(
          caller,
          (tx) => tx`select private.has_feature(${a.imoId}, 'instagram_messaging') as enabled`,
        ).then(([row]) => row!.enabled);
      assert.deepEqual(
        {
          memberOfA: await ask(user(a, "recruiter")),
          ownerOfB: await ask(user(b, "owner")),
          service: await ask({ kind: "service" }),
        },
        { memberOfA: true, ownerOfB: false, service: true },
      );
      // a scheduled job runs with no JWT claims at all
      const [job] =
        await sql`select private.has_feature(${a.imoId}, 'instagram_messaging') as enabled`;
      assert.equal(job!.enabled, true);
    }),
);
