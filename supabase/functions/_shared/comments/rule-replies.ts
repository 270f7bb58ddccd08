import { privateReplyBlock } from "../../../../shared/src/rules/private-replies.ts";
import { asService } from "../db.ts";
import { HttpError } from "../http.ts";
import { isCommentHidden } from "../meta/comment-api.ts";
import { MetaApiError } from "../meta/graph-client.ts";
import { metaConfig } from "../meta/meta-config.ts";
import { takeGraphCall } from "../meta/rate-governor.ts";
import { deliverReply } from "../send/deliver-reply.ts";
import { tokenCipher } from "../token-cipher.ts";
import { isGoneOnInstagram } from "./meta-refusal.ts";
import { queuePrivateReply } from "./private-reply.ts";

/** A run taken longer than this (the process died) is taken again. */
const LEASE = "2 minutes";

interface DueRun {
  id: string;
  imo_id: string;
  channel_account_id: string;
  rule_id: string | null;
  rule_enabled: boolean;
  template: string | null;
  recruiter_id: string | null;
  allowed: boolean;
  comment_id: string;
  comment_external_id: string | null;
  contact_external_id: string;
  author_kind: string;
  commented_at: Date;
  hidden_at: Date | null;
  deleted_at: Date | null;
  has_private_reply: boolean;
  auth_path: "instagram_login" | "facebook_login";
  account_status: string;
  access_token_encrypted: string | null;
}

type Outcome = "sent" | "failed" | "skipped" | "later";

/**
 * Sends the keyword rules' queued private replies (comment_rule_runs), outside the webhook's
 * transactions: right after a delivery of comments, and from the every-minute drain. Each run is
 * taken under a lease, so passes side by side never send one twice (and the database allows one
 * private reply per comment besides). A run is skipped, with its reason, when its rule was turned
 * off or deleted, the plan lost automation, the comment was deleted, hidden (by a member or by
 * Instagram's filters, asked of Meta just before), already answered in private or older than
 * Meta's 7 days. Over the governor's 750 an hour it waits for a later pass.
 */
export async function sendQueuedRuleReplies(limit = 50) {
  const runs = await asService((tx) =>
    tx<DueRun[]>`
      with due as (
        update public.comment_rule_runs r set status = 'sending',
          lease_until = now() + ${LEASE}::interval, attempts = r.attempts + 1
        where r.id in (
          select id from public.comment_rule_runs
          where status = 'queued' or (status = 'sending' and lease_until < now())
          order by created_at limit ${limit}
          for update skip locked)
        returning r.*
      )
      select due.id, due.imo_id, due.channel_account_id, due.rule_id,
        coalesce(rule.is_enabled, false) as rule_enabled, t.content as template,
        rule.created_by as recruiter_id,
        private.has_feature(due.imo_id, 'instagram_messaging')
          and private.has_feature(due.imo_id, 'instagram_scheduled_messages') as allowed,
        c.id as comment_id, c.external_id as comment_external_id,
        k.external_id as contact_external_id, c.author_kind::text, c.commented_at, c.hidden_at,
        c.deleted_at, c.private_reply_message_id is not null as has_private_reply,
        a.auth_path, a.status::text as account_status, a.access_token_encrypted
      from due
      join public.comments c on c.id = due.comment_id
      join public.contacts k on k.id = due.contact_id
      join public.channel_accounts a on a.id = due.channel_account_id
      left join public.comment_rules rule on rule.id = due.rule_id
      left join public.message_templates t on t.id = rule.template_id and t.deleted_at is null
      order by due.created_at`
  );
  const outcome = { sent: 0, failed: 0, skipped: 0, later: 0 };
  // an account over its hourly limit sends nothing more in this pass
  const full = new Set<string>();
  for (const run of runs) {
    const result = full.has(run.channel_account_id) ? "later" : await sendRun(run, full);
    outcome[result]++;
  }
  return outcome;
}

async function sendRun(run: DueRun, full: Set<string>): Promise<Outcome> {
  const now = new Date();
  const reason = !run.rule_enabled || run.template === null
    ? "rule_disabled"
    : !run.allowed
    ? "plan_required"
    : run.account_status !== "connected" || !run.access_token_encrypted
    ? "account_not_connected"
    : run.hidden_at !== null
    ? "comment_hidden"
    : run.comment_external_id === null
    ? "comment_not_sent"
    : privateReplyBlock({ ...run, has_private_reply: run.has_private_reply }, now);
  if (reason) return await finish(run.id, "skipped", reason);

  const config = metaConfig();
  try {
    const token = await (await tokenCipher()).decrypt(run.access_token_encrypted!);
    // Instagram's filters hide comments without telling the webhook: ask just before
    if (await isCommentHidden(config, run, token, run.comment_external_id!)) {
      await asService((tx) =>
        tx`update public.comments set hidden_at = now() where id = ${run.comment_id} and hidden_at is null`
      );
      return await finish(run.id, "skipped", "comment_hidden");
    }
  } catch (error) {
    if (isGoneOnInstagram(error)) {
      await asService((tx) =>
        tx`update public.comments set deleted_at = now() where id = ${run.comment_id} and deleted_at is null`
      );
      return await finish(run.id, "skipped", "comment_deleted");
    }
    if (error instanceof MetaApiError) return await release(run.id);
    throw error;
  }

  if (await takeGraphCall(run.channel_account_id, "private_reply") > 0) {
    full.add(run.channel_account_id);
    return await release(run.id);
  }
  let queued;
  try {
    queued = await queuePrivateReply(
      { ...run, id: run.comment_id },
      {
        template: run.template,
        author: { kind: "automation", ruleId: run.rule_id!, recruiterId: run.recruiter_id },
      },
    );
  } catch (error) {
    if (error instanceof HttpError) return await finish(run.id, "failed", error.code);
    throw error;
  }
  if (!queued) return await finish(run.id, "skipped", "already_replied");
  await asService((tx) =>
    tx`update public.comment_rule_runs set message_id = ${queued.messageId} where id = ${run.id}`
  );
  await deliverReply(queued.messageId);
  const [message] = await asService((tx) =>
    tx<{ status: string; error_code: string | null }[]>`
      select status::text, error_code from public.messages where id = ${queued.messageId}`
  );
  return message?.status === "failed"
    ? await finish(run.id, "failed", message.error_code)
    : await finish(run.id, "sent", null);
}

async function finish(runId: string, status: Exclude<Outcome, "later">, reason: string | null) {
  await asService((tx) =>
    tx`update public.comment_rule_runs set status = ${status}, reason = ${reason}, lease_until = null
       where id = ${runId}`
  );
  return status;
}

/** Back in the queue for the next pass (Meta busy, or the account at its hourly limit). */
async function release(runId: string): Promise<Outcome> {
  await asService((tx) =>
    tx`update public.comment_rule_runs set status = 'queued', lease_until = null where id = ${runId}`
  );
  return "later";
}
