import {
  type CommentRule,
  commentRuleListQuerySchema,
  type CommentRuleListResponse,
  type CommentRuleResponse,
  createCommentRuleSchema,
  type DeletedCommentRule,
  updateCommentRuleSchema,
} from "../../../../shared/src/contracts/comment-rules.ts";
import type { Claims } from "../auth.ts";
import { requireImoRole } from "../connect/access.ts";
import { type Tx, withUser } from "../db.ts";
import { HttpError, json } from "../http.ts";
import { parseBody, parseQuery } from "../validate.ts";

/**
 * The comment_rules table's queries and routes (instagram-comments `/rules`): every member reads,
 * owners and admins on a plan with automation write (checked here for a clear 403/402; RLS holds
 * the same line).
 */

const WRITERS = ["owner", "admin"] as const;
const AUTOMATION = { feature: "instagram_scheduled_messages" };

export async function listRulesRoute(request: Request, _params: unknown, claims: Claims) {
  const query = parseQuery(request, commentRuleListQuerySchema);
  const body = await withUser(claims, async (tx): Promise<CommentRuleListResponse> => {
    await requireImoRole(tx, query.imo_id, ["owner", "admin", "recruiter"]);
    return { rules: await selectRules(tx, tx`r.imo_id = ${query.imo_id}`) };
  });
  return json(body);
}

export async function createRuleRoute(request: Request, _params: unknown, claims: Claims) {
  const input = await parseBody(request, createCommentRuleSchema);
  const body = await withUser(claims, async (tx): Promise<CommentRuleResponse> => {
    await requireImoRole(tx, input.imo_id, [...WRITERS], AUTOMATION);
    await requireTargets(tx, input.imo_id, input);
    const [row] = await tx<{ id: string }[]>`
      insert into public.comment_rules (imo_id, channel_account_id, post_id, keyword, template_id, is_enabled)
      values (${input.imo_id}, ${input.channel_account_id}, ${input.post_id}, ${input.keyword},
        ${input.template_id}, ${input.is_enabled})
      returning id`;
    return { rule: (await selectRules(tx, tx`r.id = ${row!.id}`))[0]! };
  });
  return json(body, 201);
}

export async function updateRuleRoute(
  request: Request,
  params: Record<string, string>,
  claims: Claims,
) {
  const input = await parseBody(request, updateCommentRuleSchema);
  const body = await withUser(claims, async (tx): Promise<CommentRuleResponse> => {
    const rule = await requireRule(tx, params.ruleId!);
    await requireImoRole(tx, rule.imo_id, [...WRITERS], AUTOMATION);
    const merged = { ...rule, ...input };
    await requireTargets(tx, rule.imo_id, merged);
    const changes = Object.fromEntries(
      Object.entries(input).filter(([, value]) => value !== undefined),
    );
    if (Object.keys(changes).length) {
      await tx`update public.comment_rules set ${tx(changes)} where id = ${rule.id}`;
    }
    return { rule: (await selectRules(tx, tx`r.id = ${rule.id}`))[0]! };
  });
  return json(body);
}

export async function deleteRuleRoute(
  _request: Request,
  params: Record<string, string>,
  claims: Claims,
) {
  await withUser(claims, async (tx) => {
    const rule = await requireRule(tx, params.ruleId!);
    await requireImoRole(tx, rule.imo_id, [...WRITERS]);
    await tx`delete from public.comment_rules where id = ${rule.id}`;
  });
  const body: DeletedCommentRule = { deleted: true };
  return json(body);
}

async function requireRule(tx: Tx, ruleId: string) {
  const [rule] = await tx<
    {
      id: string;
      imo_id: string;
      channel_account_id: string | null;
      post_id: string | null;
      template_id: string;
    }[]
  >`
    select id, imo_id, channel_account_id, post_id, template_id from public.comment_rules
    where id = ${ruleId}`;
  if (!rule) throw new HttpError(404, "rule_not_found", "No such rule");
  return rule;
}

/** The template, account and post a rule names must be the IMO's (and the post the account's). */
async function requireTargets(
  tx: Tx,
  imoId: string,
  rule: { channel_account_id: string | null; post_id: string | null; template_id: string },
) {
  const [found] = await tx<{ template: boolean; account: boolean; post: boolean }[]>`
    select
      exists (select 1 from public.message_templates where id = ${rule.template_id}
        and imo_id = ${imoId} and deleted_at is null) as template,
      ${rule.channel_account_id}::uuid is null or exists (select 1 from public.channel_accounts
        where id = ${rule.channel_account_id} and imo_id = ${imoId}) as account,
      ${rule.post_id}::uuid is null or exists (select 1 from public.posts where id = ${rule.post_id}
        and imo_id = ${imoId}
        and (${rule.channel_account_id}::uuid is null or channel_account_id = ${rule.channel_account_id})) as post`;
  if (!found!.template) throw new HttpError(422, "template_not_found", "No such template");
  if (!found!.account) throw new HttpError(422, "account_not_found", "No such account");
  if (!found!.post) throw new HttpError(422, "post_not_found", "No such post of that account");
}

async function selectRules(tx: Tx, where: ReturnType<Tx>): Promise<CommentRule[]> {
  const rows = await tx<
    (Omit<CommentRule, "created_at" | "runs"> & {
      created_at: Date;
      sent: number;
      skipped: number;
      failed: number;
    })[]
  >`
    select r.id, r.imo_id, r.channel_account_id, r.post_id, p.caption as post_caption, r.keyword,
      r.template_id, t.name as template_name, r.is_enabled, r.created_at,
      count(*) filter (where run.status = 'sent')::int as sent,
      count(*) filter (where run.status = 'skipped')::int as skipped,
      count(*) filter (where run.status = 'failed')::int as failed
    from public.comment_rules r
    left join public.posts p on p.id = r.post_id
    left join public.message_templates t on t.id = r.template_id
    left join public.comment_rule_runs run on run.rule_id = r.id
    where ${where}
    group by r.id, p.caption, t.name
    order by r.created_at, r.id`;
  return rows.map(({ sent, skipped, failed, created_at, ...rule }) => ({
    ...rule,
    created_at: created_at.toISOString(),
    runs: { sent, skipped, failed },
  }));
}
