/**
 * The statements of the RLS matrix: for every public table, one select, insert, update and delete
 * aimed at a row of tenant A (inserts write a new row for A). `uid` is the acting user's id
 * (tenant A's owner for the service role and anon), so inserts claim to be written by the caller.
 */
import type { Tenant } from "../../scripts/testing/tenants.ts";

export const ACTORS = ["owner A", "admin A", "recruiter A", "owner B", "anon", "service"] as const;
export const OPERATIONS = ["select", "insert", "update", "delete"] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface MatrixContext {
  a: Tenant;
  /** an IMO without a subscription, a plan nobody is on, a user in no IMO */
  spareImoId: string;
  sparePlanCode: string;
  outsiderId: string;
  uid: string;
  /** unique per statement, for columns with unique constraints */
  unique: string;
}

type Statement = (c: MatrixContext) => [string, (string | number | null)[]];

export const STATEMENTS: Record<string, Record<Operation, Statement>> = {
  imos: {
    select: (c) => [`select id from public.imos where id = $1`, [c.a.imoId]],
    insert: (c) => [
      `insert into public.imos (name, slug) values ('Matrix', $1)`,
      [`m-${c.unique}`],
    ],
    update: (c) => [`update public.imos set name = name || '!' where id = $1`, [c.a.imoId]],
    delete: (c) => [`delete from public.imos where id = $1`, [c.a.imoId]],
  },
  imo_members: {
    select: (c) => [
      `select user_id from public.imo_members where imo_id = $1 and user_id = $2`,
      [c.a.imoId, c.a.users.recruiter.id],
    ],
    insert: (c) => [
      `insert into public.imo_members (imo_id, user_id, role) values ($1, $2, 'recruiter')`,
      [c.a.imoId, c.outsiderId],
    ],
    update: (c) => [
      `update public.imo_members set display_name = 'Renamed' where imo_id = $1 and user_id = $2`,
      [c.a.imoId, c.a.users.recruiter.id],
    ],
    delete: (c) => [
      `delete from public.imo_members where imo_id = $1 and user_id = $2`,
      [c.a.imoId, c.a.users.recruiter.id],
    ],
  },
  subscription_plans: {
    select: (c) => [`select code from public.subscription_plans where code = $1`, [c.a.planCode]],
    insert: (c) => [
      `insert into public.subscription_plans (code, name, monthly_price_cents) values ($1, 'M', 0)`,
      [`matrix_${c.unique.replace(/[^a-z]/g, "")}`],
    ],
    update: (c) => [
      `update public.subscription_plans set name = name || '!' where code = $1`,
      [c.a.planCode],
    ],
    delete: (c) => [`delete from public.subscription_plans where code = $1`, [c.sparePlanCode]],
  },
  imo_subscriptions: {
    select: (c) => [`select imo_id from public.imo_subscriptions where imo_id = $1`, [c.a.imoId]],
    insert: (c) => [
      `insert into public.imo_subscriptions (imo_id, plan_code) values ($1, $2)`,
      [c.spareImoId, c.a.planCode],
    ],
    update: (c) => [
      `update public.imo_subscriptions set status = 'past_due' where imo_id = $1`,
      [c.a.imoId],
    ],
    delete: (c) => [`delete from public.imo_subscriptions where imo_id = $1`, [c.a.imoId]],
  },
  channel_accounts: {
    select: (c) => [
      `select id, username from public.channel_accounts where id = $1`,
      [c.a.channelAccountId],
    ],
    insert: (c) => [
      `insert into public.channel_accounts (imo_id, platform, auth_path, external_account_id)
       values ($1, 'instagram', 'instagram_login', $2)`,
      [c.a.imoId, `ig-${c.unique}`],
    ],
    update: (c) => [
      `update public.channel_accounts set ai_default_mode = 'supervised' where id = $1`,
      [c.a.channelAccountId],
    ],
    delete: (c) => [`delete from public.channel_accounts where id = $1`, [c.a.channelAccountId]],
  },
  recruiting_leads: {
    select: (c) => [`select id from public.recruiting_leads where id = $1`, [c.a.leadId]],
    insert: (c) => [
      `insert into public.recruiting_leads (imo_id, full_name) values ($1, 'M')`,
      [c.a.imoId],
    ],
    update: (c) => [
      `update public.recruiting_leads set notes = 'called' where id = $1`,
      [c.a.leadId],
    ],
    delete: (c) => [`delete from public.recruiting_leads where id = $1`, [c.a.leadId]],
  },
  contacts: {
    select: (c) => [`select id from public.contacts where id = $1`, [c.a.contactId]],
    insert: (c) => [
      `insert into public.contacts (imo_id, channel_account_id, external_id) values ($1, $2, $3)`,
      [c.a.imoId, c.a.channelAccountId, `igsid-${c.unique}`],
    ],
    update: (c) => [`update public.contacts set is_priority = true where id = $1`, [c.a.contactId]],
    delete: (c) => [`delete from public.contacts where id = $1`, [c.a.contactId]],
  },
  conversations: {
    select: (c) => [`select id from public.conversations where id = $1`, [c.a.conversationId]],
    insert: (c) => [
      `insert into public.conversations (imo_id, channel_account_id, contact_id) values ($1, $2, $3)`,
      [c.a.imoId, c.a.channelAccountId, c.a.spareContactId],
    ],
    update: (c) => [
      `update public.conversations set is_priority = true where id = $1`,
      [c.a.conversationId],
    ],
    delete: (c) => [`delete from public.conversations where id = $1`, [c.a.conversationId]],
  },
  messages: {
    select: (c) => [`select id from public.messages where id = $1`, [c.a.inboundMessageId]],
    insert: (c) => [
      `insert into public.messages (imo_id, channel_account_id, conversation_id, direction,
         author_kind, author_user_id, text, status)
       values ($1, $2, $3, 'outbound', 'user', $4, 'Matrix reply', 'pending')`,
      [c.a.imoId, c.a.channelAccountId, c.a.conversationId, c.uid],
    ],
    update: (c) => [
      `update public.messages set text = 'Edited' where id = $1`,
      [c.a.outboundMessageId],
    ],
    delete: (c) => [`delete from public.messages where id = $1`, [c.a.inboundMessageId]],
  },
  message_templates: {
    select: (c) => [`select id from public.message_templates where id = $1`, [c.a.templateId]],
    insert: (c) => [
      `insert into public.message_templates (imo_id, name, content, category)
       values ($1, $2, 'Hello', 'greeting')`,
      [c.a.imoId, `Matrix ${c.unique}`],
    ],
    update: (c) => [
      `update public.message_templates set name = name || '!' where id = $1`,
      [c.a.templateId],
    ],
    delete: (c) => [`delete from public.message_templates where id = $1`, [c.a.templateId]],
  },
  scheduled_messages: {
    select: (c) => [
      `select id from public.scheduled_messages where id = $1`,
      [c.a.scheduledMessageId],
    ],
    insert: (c) => [
      `insert into public.scheduled_messages (imo_id, channel_account_id, conversation_id,
         text, scheduled_for)
       values ($1, $2, $3, 'Matrix follow-up', now() + interval '1 day')`,
      [c.a.imoId, c.a.channelAccountId, c.a.conversationId],
    ],
    update: (c) => [
      `update public.scheduled_messages set text = 'Edited follow-up' where id = $1`,
      [c.a.scheduledMessageId],
    ],
    delete: (c) => [
      `delete from public.scheduled_messages where id = $1`,
      [c.a.scheduledMessageId],
    ],
  },
  automation_settings: {
    select: (c) => [`select imo_id from public.automation_settings where imo_id = $1`, [c.a.imoId]],
    // an upsert: tenant A's row exists, so a plain insert would only say "duplicate"
    insert: (c) => [
      `insert into public.automation_settings (imo_id, reminders_enabled) values ($1, true)
       on conflict (imo_id) do update set reminders_enabled = excluded.reminders_enabled`,
      [c.a.imoId],
    ],
    update: (c) => [
      `update public.automation_settings set reminders_enabled = not reminders_enabled
       where imo_id = $1`,
      [c.a.imoId],
    ],
    delete: (c) => [`delete from public.automation_settings where imo_id = $1`, [c.a.imoId]],
  },
  ai_settings: {
    select: (c) => [`select imo_id from public.ai_settings where imo_id = $1`, [c.a.imoId]],
    // an upsert: tenant A's row exists, so a plain insert would only say "duplicate"
    insert: (c) => [
      `insert into public.ai_settings (imo_id, lease_minutes) values ($1, 45)
       on conflict (imo_id) do update set lease_minutes = excluded.lease_minutes`,
      [c.a.imoId],
    ],
    update: (c) => [
      `update public.ai_settings set autopilot_threshold = 0.9 where imo_id = $1`,
      [c.a.imoId],
    ],
    delete: (c) => [`delete from public.ai_settings where imo_id = $1`, [c.a.imoId]],
  },
  message_analyses: {
    select: (c) => [
      `select message_id from public.message_analyses where message_id = $1`,
      [c.a.inboundMessageId],
    ],
    insert: (c) => [
      `insert into public.message_analyses (message_id, imo_id, conversation_id, intent,
         confidence, entities, sentiment, category, provider, model, latency_ms)
       values ($1, $2, $3, 'other', 0.5, '{}', 0, 'other', 'offline', 'matrix', 1)`,
      [c.a.outboundMessageId, c.a.imoId, c.a.conversationId],
    ],
    update: (c) => [
      `update public.message_analyses set intent = 'spam' where message_id = $1`,
      [c.a.inboundMessageId],
    ],
    delete: (c) => [
      `delete from public.message_analyses where message_id = $1`,
      [c.a.inboundMessageId],
    ],
  },
  dm_answers: {
    select: (c) => [
      `select message_id from public.dm_answers where message_id = $1`,
      [c.a.inboundMessageId],
    ],
    insert: (c) => [
      `insert into public.dm_answers (message_id, imo_id, channel_account_id, conversation_id,
         sent_at, opens_turn)
       values ($1, $2, $3, $4, now(), true)`,
      [c.a.outboundMessageId, c.a.imoId, c.a.channelAccountId, c.a.conversationId],
    ],
    update: (c) => [
      `update public.dm_answers set answered_at = null where message_id = $1`,
      [c.a.inboundMessageId],
    ],
    delete: (c) => [
      `delete from public.dm_answers where message_id = $1`,
      [c.a.inboundMessageId],
    ],
  },
  dm_answer_counts: {
    select: (c) => [`select imo_id from public.dm_answer_counts where imo_id = $1`, [c.a.imoId]],
    insert: (c) => [
      `insert into public.dm_answer_counts (imo_id, channel_account_id, bucket_start, received)
       values ($1, $2, '2001-01-01 00:00+00', 1)`,
      [c.a.imoId, c.a.channelAccountId],
    ],
    update: (c) => [
      `update public.dm_answer_counts set received = received + 1 where imo_id = $1`,
      [c.a.imoId],
    ],
    delete: (c) => [`delete from public.dm_answer_counts where imo_id = $1`, [c.a.imoId]],
  },
  dm_analysis_counts: {
    select: (c) => [`select imo_id from public.dm_analysis_counts where imo_id = $1`, [c.a.imoId]],
    insert: (c) => [
      `insert into public.dm_analysis_counts (imo_id, bucket_start, analysed)
       values ($1, '2001-01-01 00:00+00', 1)`,
      [c.a.imoId],
    ],
    update: (c) => [
      `update public.dm_analysis_counts set analysed = analysed + 1 where imo_id = $1`,
      [c.a.imoId],
    ],
    delete: (c) => [`delete from public.dm_analysis_counts where imo_id = $1`, [c.a.imoId]],
  },
  ai_analysis_jobs: {
    select: (c) => [
      `select message_id from public.ai_analysis_jobs where message_id = $1`,
      [c.a.inboundMessageId],
    ],
    insert: (c) => [
      `insert into public.ai_analysis_jobs (message_id, imo_id) values ($1, $2)`,
      [c.a.outboundMessageId, c.a.imoId],
    ],
    update: (c) => [
      `update public.ai_analysis_jobs set last_error = 'matrix' where message_id = $1`,
      [c.a.inboundMessageId],
    ],
    delete: (c) => [
      `delete from public.ai_analysis_jobs where message_id = $1`,
      [c.a.inboundMessageId],
    ],
  },
  qualification_transitions: {
    select: (c) => [
      `select id from public.qualification_transitions where conversation_id = $1`,
      [c.a.conversationId],
    ],
    insert: (c) => [
      `insert into public.qualification_transitions (imo_id, conversation_id, from_state,
         to_state, moved_by_kind)
       values ($1, $2, 'new', 'closed', 'system')`,
      [c.a.imoId, c.a.conversationId],
    ],
    update: (c) => [
      `update public.qualification_transitions set reason = 'matrix' where conversation_id = $1`,
      [c.a.conversationId],
    ],
    delete: (c) => [
      `delete from public.qualification_transitions where conversation_id = $1`,
      [c.a.conversationId],
    ],
  },
  posts: {
    select: (c) => [`select id from public.posts where id = $1`, [c.a.postId]],
    insert: (c) => [
      `insert into public.posts (imo_id, channel_account_id, external_id) values ($1, $2, $3)`,
      [c.a.imoId, c.a.channelAccountId, `media-${c.unique}`],
    ],
    update: (c) => [
      `update public.posts set is_priority = not is_priority where id = $1`,
      [c.a.postId],
    ],
    delete: (c) => [`delete from public.posts where id = $1`, [c.a.postId]],
  },
  comments: {
    select: (c) => [`select id from public.comments where id = $1`, [c.a.commentId]],
    // a member's public reply, queued in their own name
    insert: (c) => [
      `insert into public.comments (imo_id, channel_account_id, post_id, client_comment_id,
         parent_id, author_kind, author_user_id, text, status)
       values ($1, $2, $3, gen_random_uuid(), $4, 'user', $5, 'Thanks for asking!', 'pending')`,
      [c.a.imoId, c.a.channelAccountId, c.a.postId, c.a.commentId, c.uid],
    ],
    update: (c) => [`update public.comments set text = 'Edited' where id = $1`, [c.a.commentId]],
    delete: (c) => [`delete from public.comments where id = $1`, [c.a.commentId]],
  },
  comment_rules: {
    select: (c) => [`select id from public.comment_rules where id = $1`, [c.a.commentRuleId]],
    insert: (c) => [
      `insert into public.comment_rules (imo_id, keyword, template_id) values ($1, 'apply', $2)`,
      [c.a.imoId, c.a.templateId],
    ],
    update: (c) => [
      `update public.comment_rules set keyword = 'info' where id = $1`,
      [c.a.commentRuleId],
    ],
    delete: (c) => [`delete from public.comment_rules where id = $1`, [c.a.commentRuleId]],
  },
  comment_rule_runs: {
    select: (c) => [
      `select id from public.comment_rule_runs where id = $1`,
      [c.a.commentRuleRunId],
    ],
    insert: (c) => [
      `insert into public.comment_rule_runs (imo_id, channel_account_id, post_id, contact_id, comment_id)
       values ($1, $2, $3, $4, $5)`,
      [c.a.imoId, c.a.channelAccountId, c.a.postId, c.a.spareContactId, c.a.commentId],
    ],
    update: (c) => [
      `update public.comment_rule_runs set status = 'queued' where id = $1`,
      [c.a.commentRuleRunId],
    ],
    delete: (c) => [`delete from public.comment_rule_runs where id = $1`, [c.a.commentRuleRunId]],
  },
  publications: {
    select: (c) => [`select id from public.publications where id = $1`, [c.a.publicationId]],
    insert: (c) => [
      `insert into public.publications (imo_id, channel_account_id, caption) values ($1, $2, 'New draft')`,
      [c.a.imoId, c.a.channelAccountId],
    ],
    update: (c) => [
      `update public.publications set caption = 'Edited draft' where id = $1`,
      [c.a.publicationId],
    ],
    delete: (c) => [`delete from public.publications where id = $1`, [c.a.publicationId]],
  },
  comment_analyses: {
    select: (c) => [
      `select comment_id from public.comment_analyses where comment_id = $1`,
      [c.a.commentId],
    ],
    insert: (c) => [
      `insert into public.comment_analyses (comment_id, imo_id, post_id, intent, confidence,
         entities, sentiment, category, provider, model, latency_ms)
       values ($1, $2, $3, 'other', 0.5, '{}', 0, 'other', 'offline', 'matrix', 1)
       on conflict (comment_id) do update set model = excluded.model`,
      [c.a.commentId, c.a.imoId, c.a.postId],
    ],
    update: (c) => [
      `update public.comment_analyses set intent = 'spam' where comment_id = $1`,
      [c.a.commentId],
    ],
    delete: (c) => [
      `delete from public.comment_analyses where comment_id = $1`,
      [c.a.commentId],
    ],
  },
  deals: {
    select: (c) => [`select id from public.deals where id = $1`, [c.a.dealId]],
    insert: (c) => [
      `insert into public.deals (imo_id, conversation_id, title, amount) values ($1, $2, 'Hoodie', 45)`,
      [c.a.imoId, c.a.conversationId],
    ],
    update: (c) => [`update public.deals set stage = 'won' where id = $1`, [c.a.dealId]],
    delete: (c) => [`delete from public.deals where id = $1`, [c.a.dealId]],
  },
  webhook_events: {
    select: (c) => [
      `select id from public.webhook_events where id = $1::bigint`,
      [c.a.webhookEventId],
    ],
    insert: (c) => [
      `insert into public.webhook_events (platform, raw_body, signature_valid, imo_id)
       values ('instagram', '{}', false, $1)`,
      [c.a.imoId],
    ],
    update: (c) => [
      `update public.webhook_events set status = 'failed' where id = $1::bigint`,
      [c.a.webhookEventId],
    ],
    delete: (c) => [
      `delete from public.webhook_events where id = $1::bigint`,
      [c.a.webhookEventId],
    ],
  },
  webhook_pending_events: {
    select: (
      c,
    ) => [`select id from public.webhook_pending_events where id = $1::bigint`, [
      c.a.pendingEventId,
    ]],
    insert: (c) => [
      `insert into public.webhook_pending_events (imo_id, channel_account_id, external_message_id, kind, event, occurred_at)
       values ($1, $2, 'mid-matrix', 'reaction', '{}', now())`,
      [c.a.imoId, c.a.channelAccountId],
    ],
    update: (
      c,
    ) => [`update public.webhook_pending_events set kind = 'read' where id = $1::bigint`, [
      c.a.pendingEventId,
    ]],
    delete: (
      c,
    ) => [`delete from public.webhook_pending_events where id = $1::bigint`, [c.a.pendingEventId]],
  },
  webhook_event_failures: {
    select: (c) => [
      `select id from public.webhook_event_failures where id = $1::bigint`,
      [c.a.eventFailureId],
    ],
    insert: (c) => [
      `insert into public.webhook_event_failures (webhook_event_id, event_index, imo_id, channel_account_id, event, error)
       values ($1::bigint, 1, $2, $3, '{}', 'matrix')`,
      [c.a.webhookEventId, c.a.imoId, c.a.channelAccountId],
    ],
    update: (c) => [
      `update public.webhook_event_failures set next_attempt_at = now() where id = $1::bigint`,
      [c.a.eventFailureId],
    ],
    delete: (c) => [
      `delete from public.webhook_event_failures where id = $1::bigint`,
      [c.a.eventFailureId],
    ],
  },
  webhook_unknown_events: {
    select: (c) => [
      `select id from public.webhook_unknown_events where id = $1::bigint`,
      [c.a.unknownEventId],
    ],
    insert: (c) => [
      `insert into public.webhook_unknown_events (imo_id, channel_account_id, kinds, event)
       values ($1, $2, '{optin}', jsonb_build_object('matrix', $3::text))`,
      [c.a.imoId, c.a.channelAccountId, c.unique],
    ],
    update: (c) => [
      `update public.webhook_unknown_events set kinds = '{matrix}' where id = $1::bigint`,
      [c.a.unknownEventId],
    ],
    delete: (c) => [
      `delete from public.webhook_unknown_events where id = $1::bigint`,
      [c.a.unknownEventId],
    ],
  },
  webhook_rejections: {
    select: (c) => [
      `select id from public.webhook_rejections where id = $1::bigint`,
      [c.a.rejectionId],
    ],
    insert: (c) => [
      `insert into public.webhook_rejections (platform, reason, body_bytes, body_sha256, body_prefix)
       values ('instagram', $1, 0, repeat('0', 64), '')`,
      [`matrix ${c.unique}`],
    ],
    update: (c) => [
      `update public.webhook_rejections set unrecorded = unrecorded + 1 where id = $1::bigint`,
      [c.a.rejectionId],
    ],
    delete: (c) => [
      `delete from public.webhook_rejections where id = $1::bigint`,
      [c.a.rejectionId],
    ],
  },
  usage_counters: {
    select: (c) => [
      `select count from public.usage_counters where imo_id = $1 and metric = $2`,
      [c.a.imoId, c.a.usageMetric],
    ],
    insert: (c) => [
      `insert into public.usage_counters (imo_id, metric, period_start)
       values ($1, 'matrix_metric', current_date)`,
      [c.a.imoId],
    ],
    update: (c) => [
      `update public.usage_counters set count = count + 1 where imo_id = $1 and metric = $2`,
      [c.a.imoId, c.a.usageMetric],
    ],
    delete: (c) => [
      `delete from public.usage_counters where imo_id = $1 and metric = $2`,
      [c.a.imoId, c.a.usageMetric],
    ],
  },
  channel_insights: {
    select: (c) => [
      `select id from public.channel_insights where channel_account_id = $1`,
      [c.a.channelAccountId],
    ],
    insert: (c) => [
      `insert into public.channel_insights (imo_id, channel_account_id, platform, period,
         window_start, window_end)
       values ($1, $2, 'instagram', 'hour', date_trunc('hour', now()) - interval '3 hours',
         date_trunc('hour', now()) - interval '2 hours')`,
      [c.a.imoId, c.a.channelAccountId],
    ],
    update: (c) => [
      `update public.channel_insights set derived = '{"reach": 1}' where channel_account_id = $1`,
      [c.a.channelAccountId],
    ],
    delete: (c) => [
      `delete from public.channel_insights where channel_account_id = $1`,
      [c.a.channelAccountId],
    ],
  },
  channel_insights_syncs: {
    select: (c) => [
      `select channel_account_id from public.channel_insights_syncs where channel_account_id = $1`,
      [c.a.channelAccountId],
    ],
    insert: (c) => [
      `insert into public.channel_insights_syncs (channel_account_id, imo_id, last_attempt_at)
       values ($1, $2, now())
       on conflict (channel_account_id) do update set last_attempt_at = excluded.last_attempt_at`,
      [c.a.channelAccountId, c.a.imoId],
    ],
    update: (c) => [
      `update public.channel_insights_syncs set last_error = 'x' where channel_account_id = $1`,
      [c.a.channelAccountId],
    ],
    delete: (c) => [
      `delete from public.channel_insights_syncs where channel_account_id = $1`,
      [c.a.channelAccountId],
    ],
  },
  graph_call_counts: {
    select: (c) => [
      `select calls from public.graph_call_counts where channel_account_id = $1`,
      [c.a.channelAccountId],
    ],
    insert: (c) => [
      `insert into public.graph_call_counts (imo_id, channel_account_id, hour_start)
       values ($1, $2, date_trunc('hour', now()) - interval '1 day')`,
      [c.a.imoId, c.a.channelAccountId],
    ],
    update: (c) => [
      `update public.graph_call_counts set calls = calls + 1 where channel_account_id = $1`,
      [c.a.channelAccountId],
    ],
    delete: (c) => [
      `delete from public.graph_call_counts where channel_account_id = $1`,
      [c.a.channelAccountId],
    ],
  },
  oauth_states: {
    select: (c) => [`select id from public.oauth_states where id = $1`, [c.a.oauthStateId]],
    insert: (c) => [
      `insert into public.oauth_states (imo_id, user_id, platform, auth_path)
       values ($1, $2, 'instagram', 'instagram_login')`,
      [c.a.imoId, c.uid],
    ],
    update: (c) => [
      `update public.oauth_states set consumed_at = now() where id = $1`,
      [c.a.oauthStateId],
    ],
    delete: (c) => [`delete from public.oauth_states where id = $1`, [c.a.oauthStateId]],
  },
  imo_invitations: {
    select: (c) => [`select id from public.imo_invitations where id = $1`, [c.a.invitationId]],
    insert: (c) => [
      `insert into public.imo_invitations (imo_id, email, role, token_hash)
       values ($1, $2, 'recruiter', md5($2) || md5($2))`,
      [c.a.imoId, `matrix-${c.unique}@test.dmdesk.local`],
    ],
    update: (c) => [
      `update public.imo_invitations set revoked_at = now(), revoked_by = $2 where id = $1`,
      [c.a.invitationId, c.uid],
    ],
    delete: (c) => [`delete from public.imo_invitations where id = $1`, [c.a.invitationId]],
  },
  imo_plan_changes: {
    select: (c) => [
      `select id from public.imo_plan_changes where id = $1::bigint`,
      [c.a.planChangeId],
    ],
    insert: (c) => [
      `insert into public.imo_plan_changes (imo_id, to_plan_code, changed_by) values ($1, $2, $3)`,
      [c.a.imoId, c.a.planCode, c.uid],
    ],
    update: (c) => [
      `update public.imo_plan_changes set changed_at = now() where id = $1::bigint`,
      [c.a.planChangeId],
    ],
    delete: (c) => [
      `delete from public.imo_plan_changes where id = $1::bigint`,
      [c.a.planChangeId],
    ],
  },
  pending_connections: {
    select: (c) => [
      `select id from public.pending_connections where id = $1`,
      [c.a.pendingConnectionId],
    ],
    // one consent per state, and the fixture's state is taken: a fresh state for each attempt
    insert: (c) => [
      `with state as (
         insert into public.oauth_states (imo_id, user_id, platform, auth_path)
         values ($1, $2, 'instagram', 'instagram_login') returning id)
       insert into public.pending_connections (oauth_state_id, imo_id, user_id, auth_path)
       select id, $1, $2, 'instagram_login' from state`,
      [c.a.imoId, c.uid],
    ],
    update: (c) => [
      `update public.pending_connections set completed_at = now() where id = $1`,
      [c.a.pendingConnectionId],
    ],
    delete: (c) => [
      `delete from public.pending_connections where id = $1`,
      [c.a.pendingConnectionId],
    ],
  },
};

/** "<table> <operation>" to one outcome per actor, in the order of ACTORS. */
export type Matrix = Record<string, string[]>;

export function parseMatrix(text: string): Matrix {
  const rows = text.trim().split("\n").map((line) => line.trim().split(/\s+/));
  return Object.fromEntries(rows.map(([table, op, ...outcomes]) => [`${table} ${op}`, outcomes]));
}

export function formatMatrix(matrix: Matrix): string {
  const lines = [
    ["table operation", ...ACTORS],
    ...Object.entries(matrix).map(([k, v]) => [k, ...v]),
  ];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((line) => line[i]!.length)));
  return lines.map((line) => line.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd())
    .join("\n");
}
