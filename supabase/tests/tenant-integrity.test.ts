/**
 * Rules the RLS matrix cannot see because they hang on column values: roles cannot be escalated,
 * references never cross IMOs, a member cannot move the inbox clock.
 * Each test states the intended behaviour; see the comments for the migration each one guards.
 */
import assert from "node:assert/strict";
import { createUser, type Tenant } from "../../scripts/testing/tenants.ts";
import { asCaller, attempt } from "./actors.ts";
import { user, withTenants } from "./two-tenants.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

// 20261122120000_create_tenancy.sql: the imo_members insert/update/delete policies let an admin
// write any role, so an admin can become owner and then delete the IMO (owner-only).
Deno.test(
  "an admin cannot grant or take away the owner role",
  options,
  () =>
    withTenants("integ", async (sql, a) => {
      const outsider = await createUser(sql, "integ-outsider");
      try {
        const admin = user(a, "admin");
        const outcomes = {
          promoteSelf: await attempt(
            admin,
            `update public.imo_members set role = 'owner' where imo_id = $1 and user_id = $2`,
            [a.imoId, a.users.admin.id],
          ),
          addOwner: await attempt(
            admin,
            `insert into public.imo_members (imo_id, user_id, role) values ($1, $2, 'owner')`,
            [a.imoId, outsider.id],
          ),
          demoteOwner: await attempt(
            admin,
            `update public.imo_members set role = 'recruiter' where imo_id = $1 and user_id = $2`,
            [a.imoId, a.users.owner.id],
          ),
          removeOwner: await attempt(
            admin,
            `delete from public.imo_members where imo_id = $1 and user_id = $2`,
            [a.imoId, a.users.owner.id],
          ),
          // still allowed: the owner hands the role on, the admin manages recruiters
          ownerPromotesAdmin: await attempt(
            user(a, "owner"),
            `update public.imo_members set role = 'owner' where imo_id = $1 and user_id = $2`,
            [a.imoId, a.users.admin.id],
          ),
          adminAddsRecruiter: await attempt(
            admin,
            `insert into public.imo_members (imo_id, user_id, role) values ($1, $2, 'recruiter')`,
            [a.imoId, outsider.id],
          ),
        };
        const notAllowed = (o: string) => o === "allowed" ? "allowed" : "refused";
        assert.deepEqual(
          Object.fromEntries(Object.entries(outcomes).map(([k, o]) => [k, notAllowed(o)])),
          {
            promoteSelf: "refused",
            addOwner: "refused",
            demoteOwner: "refused",
            removeOwner: "refused",
            ownerPromotesAdmin: "allowed",
            // nobody is added without consent any more: see membership.test.ts
            adminAddsRecruiter: "refused",
          },
          JSON.stringify(outcomes),
        );
      } finally {
        await sql`delete from auth.users where id = ${outsider.id}`;
      }
    }),
);

// contacts/conversations.recruiting_lead_id, conversations.assigned_to,
// recruiting_leads.conversation_id, scheduled_messages.template_id and
// messages.reply_to_message_id reference rows by id alone, unlike the (id, imo_id) foreign keys.
const LINKS: Record<string, (a: Tenant, other: Tenant) => [string, string[]]> = {
  contactLead: (a, o) => [
    `update public.contacts set recruiting_lead_id = $2 where id = $1`,
    [a.contactId, o.leadId],
  ],
  conversationLead: (a, o) => [
    `update public.conversations set recruiting_lead_id = $2 where id = $1`,
    [a.conversationId, o.leadId],
  ],
  conversationAssignee: (a, o) => [
    `update public.conversations set assigned_to = $2 where id = $1`,
    [a.conversationId, o.users.recruiter.id],
  ],
  leadConversation: (a, o) => [
    `update public.recruiting_leads set conversation_id = $2 where id = $1`,
    [a.leadId, o.conversationId],
  ],
  scheduledTemplate: (a, o) => [
    `insert into public.scheduled_messages (imo_id, channel_account_id, conversation_id,
       template_id, text, scheduled_for)
     values ($1, $2, $3, $4, 'Follow-up', now() + interval '1 day')`,
    [a.imoId, a.channelAccountId, a.conversationId, o.templateId],
  ],
  replyTo: (a, o) => [
    `insert into public.messages (imo_id, channel_account_id, conversation_id, direction,
       author_kind, author_user_id, text, status, reply_to_message_id)
     values ($1, $2, $3, 'outbound', 'user', $4, 'Re', 'pending', $5)`,
    [a.imoId, a.channelAccountId, a.conversationId, a.users.recruiter.id, o.inboundMessageId],
  ],
};

Deno.test(
  "a member cannot link rows of their IMO to rows of another IMO",
  options,
  () =>
    withTenants("integ", async (_sql, a, b) => {
      const run = async (other: Tenant) => {
        const outcomes: Record<string, string> = {};
        for (const [name, statement] of Object.entries(LINKS)) {
          outcomes[name] = await attempt(user(a, "recruiter"), ...statement(a, other));
        }
        return outcomes;
      };
      // not vacuous: the same links within IMO A work
      const within = await run(a);
      assert.ok(Object.values(within).every((o) => o === "allowed"), JSON.stringify(within));
      const across = await run(b);
      const allowedAcross = Object.keys(across).filter((name) => across[name] === "allowed");
      assert.deepEqual(allowedAcross, [], JSON.stringify(across));
    }),
);

// 20261122120600_create_messages.sql: the member insert policy does not bound sent_at, and the
// security-definer trigger copies it into last_message_at: a future sent_at pins the thread to
// the top of every colleague's inbox and hides later messages from the list fields.
Deno.test(
  "a member's queued message cannot move the inbox into the future",
  options,
  () =>
    withTenants("integ", async (_sql, a) => {
      class Rollback {
        constructor(readonly lastMessageAt: Date) {}
      }
      const outcome = await asCaller(user(a, "recruiter"), async (tx) => {
        await tx`
        insert into public.messages (imo_id, channel_account_id, conversation_id, direction,
          author_kind, author_user_id, text, status, sent_at)
        values (${a.imoId}, ${a.channelAccountId}, ${a.conversationId}, 'outbound', 'user',
          ${a.users.recruiter.id}, 'From the future', 'pending', now() + interval '10 years')`;
        const [row] = await tx`
        select last_message_at from public.conversations where id = ${a.conversationId}`;
        throw new Rollback(row!.last_message_at);
      }).catch((error) => {
        if (error instanceof Rollback) return error.lastMessageAt;
        // refused by a policy (42501) or a check (23514) is fine; anything else is not
        assert.ok(["42501", "23514"].includes(error.code), String(error));
        return "refused" as const;
      });
      if (outcome !== "refused") {
        assert.ok(
          outcome.getTime() <= Date.now() + 60_000,
          `last_message_at moved to ${outcome.toISOString()}`,
        );
      }
    }),
);
