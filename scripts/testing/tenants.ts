/**
 * Test tenants: an IMO with everything that hangs off it, written straight into Postgres as the
 * superuser of DATABASE_URL (RLS does not apply), with unique names so tests can run in parallel.
 * Every id comes back so tests can aim at exact rows; `removeTenant` deletes it all again.
 */
import type postgres from "postgres";
import type { Claims } from "../../supabase/functions/_shared/auth.ts";

export type Role = "owner" | "admin" | "recruiter";

export interface TestUser {
  id: string;
  email: string;
  /** the JWT claims `withUser` takes, as the gateway would verify them */
  claims: Claims;
}

export interface Tenant {
  imoId: string;
  slug: string;
  planCode: string;
  users: Record<Role, TestUser>;
  channelAccountId: string;
  /** the contact of `conversationId`, and one that has no conversation yet */
  contactId: string;
  spareContactId: string;
  conversationId: string;
  inboundMessageId: string;
  outboundMessageId: string;
  templateId: string;
  scheduledMessageId: string;
  leadId: string;
  webhookEventId: string;
  pendingEventId: string;
  eventFailureId: string;
  unknownEventId: string;
  /** not the IMO's: a rejected POST belongs to nobody; removeTenant deletes it */
  rejectionId: string;
  usageMetric: string;
  oauthStateId: string;
  /** an open invitation (role recruiter) and a recorded plan change */
  invitationId: string;
  planChangeId: string;
  pendingConnectionId: string;
  /** a post with one comment of `contactId`, a keyword rule and its run on that comment */
  postId: string;
  commentId: string;
  commentRuleId: string;
  publicationId: string;
  commentRuleRunId: string;
  /** a deal of `conversationId` */
  dealId: string;
}

export const uniqueSuffix = () => crypto.randomUUID().replaceAll("-", "").slice(0, 12);

/** A plan code from a suffix (plan codes are lowercase letters and underscores only). */
export function planCodeOf(suffix: string, prefix = "plan"): string {
  return `${prefix}_${suffix.replace(/[0-9]/g, (d) => "abcdefghij"[Number(d)]!)}`;
}

/** An auth user as supabase/seed.sql writes one (no password: tests act through claims). */
export async function createUser(sql: postgres.Sql, label = "user"): Promise<TestUser> {
  const id = crypto.randomUUID();
  const email = `${label}-${uniqueSuffix()}@test.dmdesk.local`;
  await sql`
    insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at,
      raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
    values ('00000000-0000-0000-0000-000000000000', ${id}, 'authenticated', 'authenticated',
      ${email}, now(), '{"provider": "email", "providers": ["email"]}', '{}', now(), now())`;
  return { id, email, claims: { sub: id, role: "authenticated", email, aud: "authenticated" } };
}

/** A fresh contact and its conversation on an account (for tests that need a clean thread). */
export async function createConversation(
  sql: postgres.Sql,
  imoId: string,
  channelAccountId: string,
): Promise<{ contactId: string; conversationId: string }> {
  const [contact] = await sql<{ id: string }[]>`
    insert into public.contacts (imo_id, channel_account_id, external_id, username)
    values (${imoId}, ${channelAccountId}, ${`igsid-${uniqueSuffix()}`}, 'candidate')
    returning id`;
  const [conversation] = await sql<{ id: string }[]>`
    insert into public.conversations (imo_id, channel_account_id, contact_id)
    values (${imoId}, ${channelAccountId}, ${contact!.id}) returning id`;
  return { contactId: contact!.id, conversationId: conversation!.id };
}

/** One IMO on its own plan, with an owner, an admin, a recruiter and a row in every table. */
export async function createTenant(sql: postgres.Sql, label = "tenant"): Promise<Tenant> {
  const suffix = uniqueSuffix();
  const slug = `${label}-${suffix}`;
  const planCode = planCodeOf(suffix);
  const one = async (rows: Promise<{ id: string }[]>) => (await rows)[0]!.id;

  const imoId = await one(
    sql`insert into public.imos (name, slug) values (${`IMO ${slug}`}, ${slug}) returning id`,
  );
  await sql`
    insert into public.subscription_plans (code, name, monthly_price_cents, features)
    values (${planCode}, ${`Plan ${suffix}`}, 0, ${
    sql.json({
      instagram_messaging: true,
      instagram_scheduled_messages: true,
      instagram_templates: true,
    })
  })`;
  await sql`insert into public.imo_subscriptions (imo_id, plan_code) values (${imoId}, ${planCode})`;

  const users = {} as Record<Role, TestUser>;
  for (const role of ["owner", "admin", "recruiter"] as const) {
    users[role] = await createUser(sql, `${label}-${role}`);
    await sql`insert into public.imo_members (imo_id, user_id, role, display_name)
              values (${imoId}, ${users[role].id}, ${role}, ${`${role} of ${slug}`})`;
  }

  const channelAccountId = await one(sql`
    insert into public.channel_accounts (imo_id, connected_by, platform, auth_path,
      external_account_id, external_ids, username, access_token_encrypted, token_key_id)
    values (${imoId}, ${users.owner.id}, 'instagram', 'instagram_login', ${`ig-${suffix}`},
      ${[`ig-${suffix}`, `asid-${suffix}`]}, ${`recruit_${suffix}`},
      ${`v1.fake-iv.${btoa(`secret-token-${suffix}`)}`}, 'test-key-1')
    returning id`);
  const leadId = await one(sql`
    insert into public.recruiting_leads (imo_id, full_name, lead_source, created_by)
    values (${imoId}, 'Casey Candidate', 'instagram_dm', ${users.recruiter.id}) returning id`);
  const { contactId, conversationId } = await createConversation(sql, imoId, channelAccountId);
  const spareContactId = await one(sql`
    insert into public.contacts (imo_id, channel_account_id, external_id)
    values (${imoId}, ${channelAccountId}, ${`igsid-spare-${suffix}`}) returning id`);

  const message = (
    direction: "inbound" | "outbound",
    db: postgres.Sql | postgres.TransactionSql = sql,
  ) =>
    one(db`
      insert into public.messages (imo_id, channel_account_id, conversation_id, external_id,
        direction, author_kind, author_user_id, text, status, sent_at)
      values (${imoId}, ${channelAccountId}, ${conversationId}, ${`mid.${direction}.${suffix}`},
        ${direction}, ${direction === "inbound" ? "contact" : "user"},
        ${direction === "inbound" ? null : users.recruiter.id},
        ${direction === "inbound" ? "Hi, is the job open?" : "It is!"},
        ${direction === "inbound" ? "delivered" : "sent"},
        now() - ${direction === "inbound" ? "2 minutes" : "1 minute"}::interval)
      returning id`);
  // the inbound message's AI queue job (added by its trigger) is parked in the same transaction,
  // so no drain running for another test analyses it before the fixture's analysis below
  const inboundMessageId = await sql.begin(async (tx) => {
    const id = await message("inbound", tx);
    await tx`update public.ai_analysis_jobs set attempts = 5 where message_id = ${id}`;
    return id;
  });
  const outboundMessageId = await message("outbound");

  const templateId = await one(sql`
    insert into public.message_templates (imo_id, name, content, category, created_by)
    values (${imoId}, 'Greeting', 'Hi there, thanks for reaching out!', 'greeting', ${users.admin.id})
    returning id`);
  const scheduledMessageId = await one(sql`
    insert into public.scheduled_messages (imo_id, channel_account_id, conversation_id, created_by,
      template_id, text, scheduled_for)
    values (${imoId}, ${channelAccountId}, ${conversationId}, ${users.recruiter.id}, ${templateId},
      'Following up!', now() + interval '1 hour')
    returning id`);
  await sql`insert into public.automation_settings (imo_id, reminder_template_id)
    values (${imoId}, ${templateId})`;
  // the AI's rows (issue 13): settings, the inbound message's analysis, a qualification move
  await sql`insert into public.ai_settings (imo_id) values (${imoId})`;
  await sql`insert into public.message_analyses (message_id, imo_id, conversation_id, intent,
      confidence, entities, sentiment, category, provider, model, latency_ms)
    values (${inboundMessageId}, ${imoId}, ${conversationId}, 'interested', 0.9, '{}', 0.2,
      'candidate', 'offline', 'fixture', 1)`;
  // the command center's answer to the inbound message, as its refresh would write it
  await sql`delete from private.dm_answers_stale where conversation_id = ${conversationId}`;
  await sql`select private.refresh_dm_answers_of(array[${conversationId}]::uuid[],
    array['-infinity']::timestamptz[])`;
  await sql`update public.conversations set qualification_state = 'qualifying'
    where id = ${conversationId}`;
  const webhookEventId = await one(sql`
    insert into public.webhook_events (platform, raw_body, signature_valid, object, entry_ids,
      channel_account_id, imo_id, status)
    values ('instagram', '{"object":"instagram","entry":[]}', true, 'instagram', ${[
    `ig-${suffix}`,
  ]},
      ${channelAccountId}, ${imoId}, 'processed')
    returning id::text as id`);
  const pendingEventId = await one(sql`
    insert into public.webhook_pending_events (imo_id, channel_account_id, external_message_id, kind, event, webhook_event_id, occurred_at)
    values (${imoId}, ${channelAccountId}, ${`mid-pending-${suffix}`}, 'read', '{}', ${webhookEventId}, now())
    returning id::text as id`);
  const eventFailureId = await one(sql`
    insert into public.webhook_event_failures (webhook_event_id, event_index, imo_id, channel_account_id, event, error)
    values (${webhookEventId}, 0, ${imoId}, ${channelAccountId}, '{}', 'integer out of range')
    returning id::text as id`);
  const unknownEventId = await one(sql`
    insert into public.webhook_unknown_events (imo_id, channel_account_id, webhook_event_id, kinds, event)
    values (${imoId}, ${channelAccountId}, ${webhookEventId}, ${["optin"]}, ${
    sql.json({ optin: { ref: suffix } })
  })
    returning id::text as id`);
  const rejectionId = await one(sql`
    insert into public.webhook_rejections (platform, received_at, reason, body_bytes, body_sha256, body_prefix)
    values ('instagram', now() - interval '1 day', ${`tenant ${suffix}`}, 2, repeat('0', 64), '\\x7b7d')
    returning id::text as id`);
  const usageMetric = "messages_received";
  await sql`insert into public.graph_call_counts (imo_id, channel_account_id, hour_start, calls)
            values (${imoId}, ${channelAccountId}, date_trunc('hour', now()), 1)`;
  await sql`insert into public.channel_insights (imo_id, channel_account_id, platform, period,
              window_start, window_end, metrics, derived)
            values (${imoId}, ${channelAccountId}, 'instagram', 'hour',
              date_trunc('hour', now()) - interval '1 hour', date_trunc('hour', now()),
              '{"reach": 10}', '{"reach": 2}')`;
  await sql`insert into public.channel_insights_syncs (channel_account_id, imo_id, last_attempt_at,
              last_synced_at)
            values (${channelAccountId}, ${imoId}, now(), now())`;
  // the inbound message above is counted by its trigger already; this only makes sure of the row
  await sql`insert into public.usage_counters (imo_id, metric, period_start, count)
            values (${imoId}, ${usageMetric}, (now() at time zone 'utc')::date, 1)
            on conflict (imo_id, metric, period_start) do nothing`;
  const oauthStateId = await one(sql`
    insert into public.oauth_states (imo_id, user_id, platform, auth_path, redirect_to)
    values (${imoId}, ${users.owner.id}, 'instagram', 'instagram_login', '/settings/channels')
    returning id`);
  const pendingConnectionId = await one(sql`
    insert into public.pending_connections (oauth_state_id, imo_id, user_id, auth_path)
    values (${oauthStateId}, ${imoId}, ${users.owner.id}, 'instagram_login')
    returning id`);

  const invitationId = await one(sql`
    insert into public.imo_invitations (imo_id, email, role, token_hash, invited_by)
    values (${imoId}, ${`invited-${suffix}@test.dmdesk.local`}, 'recruiter',
      encode(extensions.digest(${`invitation-${suffix}`}, 'sha256'), 'hex'), ${users.owner.id})
    returning id`);
  const planChangeId = await one(sql`
    insert into public.imo_plan_changes (imo_id, from_plan_code, to_plan_code, changed_by)
    values (${imoId}, null, ${planCode}, ${users.owner.id})
    returning id::text as id`);
  const postId = await one(sql`
    insert into public.posts (imo_id, channel_account_id, external_id, caption)
    values (${imoId}, ${channelAccountId}, ${`media-${suffix}`}, 'We are hiring') returning id`);
  // the comment's analysis, its queue job parked in the insert's transaction as the message's is
  const commentId = await sql.begin(async (tx) => {
    const [comment] = await tx<{ id: string }[]>`
      insert into public.comments (imo_id, channel_account_id, post_id, external_id, author_kind,
        contact_id, author_username, text, commented_at)
      values (${imoId}, ${channelAccountId}, ${postId}, ${`comment-${suffix}`}, 'contact',
        ${contactId}, 'casey', 'JOIN', now() - interval '3 minutes')
      returning id`;
    await tx`update public.ai_analysis_jobs set attempts = 5 where comment_id = ${comment!.id}`;
    return comment!.id;
  });
  await sql`insert into public.comment_analyses (comment_id, imo_id, post_id, intent, confidence,
      entities, sentiment, category, provider, model, latency_ms)
    values (${commentId}, ${imoId}, ${postId}, 'interested', 0.8, '{}', 0.3, 'candidate',
      'offline', 'fixture', 1)`;
  const commentRuleId = await one(sql`
    insert into public.comment_rules (imo_id, keyword, template_id, created_by)
    values (${imoId}, 'join', ${templateId}, ${users.admin.id}) returning id`);
  const commentRuleRunId = await one(sql`
    insert into public.comment_rule_runs (imo_id, channel_account_id, rule_id, post_id, contact_id,
      comment_id, status, reason)
    values (${imoId}, ${channelAccountId}, ${commentRuleId}, ${postId}, ${contactId}, ${commentId},
      'skipped', 'rule_disabled')
    returning id`);
  const publicationId = await one(sql`
    insert into public.publications (imo_id, channel_account_id, caption, media, created_by)
    values (${imoId}, ${channelAccountId}, 'Open day on Friday',
      '[{"url": "https://example.com/open-day.jpg", "alt_text": "Our office"}]', ${users.admin.id})
    returning id`);
  const dealId = await one(sql`
    insert into public.deals (imo_id, conversation_id, contact_id, title, amount)
    values (${imoId}, ${conversationId}, ${contactId}, 'Two hoodies', 90) returning id`);

  return {
    imoId,
    slug,
    planCode,
    users,
    channelAccountId,
    contactId,
    spareContactId,
    conversationId,
    inboundMessageId,
    outboundMessageId,
    templateId,
    scheduledMessageId,
    leadId,
    webhookEventId,
    pendingEventId,
    eventFailureId,
    unknownEventId,
    rejectionId,
    usageMetric,
    oauthStateId,
    invitationId,
    planChangeId,
    pendingConnectionId,
    postId,
    commentId,
    commentRuleId,
    commentRuleRunId,
    publicationId,
    dealId,
  };
}

/** Deletes a tenant and its users; the IMO's rows go with it by cascade. */
export async function removeTenant(sql: postgres.Sql, tenant: Tenant): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`delete from public.webhook_events where imo_id = ${tenant.imoId}`;
    await tx`delete from public.webhook_rejections where id = ${tenant.rejectionId}`;
    await tx`delete from public.imos where id = ${tenant.imoId}`;
    await tx`delete from public.subscription_plans where code = ${tenant.planCode}`;
    await tx`delete from auth.users where id in ${
      tx(Object.values(tenant.users).map((u) => u.id))
    }`;
  });
}
