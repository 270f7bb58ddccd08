import {
  type CreateDeal,
  createDealSchema,
  type Deal,
  dealSchema,
} from "../../../../shared/src/contracts/ai-assistant.ts";
import { orderEntitySchema } from "../../../../shared/src/contracts/message-analysis.ts";
import { orderSummary } from "../../../../shared/src/rules/order-summary.ts";
import type { Tx } from "../db.ts";

/** The one home of deals queries; every one runs inside `withUser` (RLS) unless said. */

/** A conversation's deals, newest first. */
export async function loadDeals(tx: Tx, conversationId: string): Promise<Deal[]> {
  const rows = await tx<Record<string, unknown>[]>`
    select d.id, d.conversation_id, d.recruiting_lead_id, d.title, d.amount::float8 as amount,
      d.currency, d.stage, d.product, d.size, d.colour, d.quantity, d.provenance,
      d.analysis_message_id, m.display_name as created_by_name, d.created_at
    from public.deals d
    left join public.imo_members m on m.imo_id = d.imo_id and m.user_id = d.created_by
    where d.conversation_id = ${conversationId}
    order by d.created_at desc, d.id desc`;
  return rows.map((row) =>
    dealSchema.parse({ ...row, created_at: (row.created_at as Date).toISOString() })
  );
}

/**
 * The newest analysis of the conversation that read an order, else its newest analysis: what a
 * deal "from the analysis" starts from.
 */
async function analysisForDeal(tx: Tx, conversationId: string) {
  const [row] = await tx<{ message_id: string; order: unknown }[]>`
    select message_id, entities -> 'order' as order from public.message_analyses
    where conversation_id = ${conversationId}
    order by (jsonb_typeof(entities -> 'order') = 'object') desc, created_at desc, message_id desc
    limit 1`;
  if (!row) return null;
  const order = orderEntitySchema.safeParse(row.order);
  return { messageId: row.message_id, order: order.success ? order.data : null };
}

/**
 * A deal of the conversation, as the caller (RLS: a member of its IMO). With `from_analysis`,
 * what the person left out comes from the order the AI read and the deal names that analysis
 * (the trigger then records provenance `ai`); the title defaults to the order's summary. The
 * conversation's lead is the deal's unless another is given.
 */
export async function createDeal(
  tx: Tx,
  conversation: { id: string },
  input: CreateDeal,
): Promise<Deal> {
  const body = createDealSchema.parse(input);
  const analysis = body.from_analysis ? await analysisForDeal(tx, conversation.id) : null;
  const order = analysis?.order;
  const pick = <T>(given: T | null | undefined, read: T | null | undefined) =>
    given === undefined ? read ?? null : given;
  const product = pick(body.product, order?.product);
  const size = pick(body.size, order?.size);
  const colour = pick(body.colour, order?.colour);
  const quantity = pick(body.quantity, order?.quantity);
  const title = body.title ??
    (product || colour || size ? orderSummary({ product, size, colour, quantity }) : "Deal");
  const [row] = await tx<{ id: string }[]>`
    insert into public.deals (imo_id, conversation_id, recruiting_lead_id, title, amount, currency,
      stage, product, size, colour, quantity, analysis_message_id)
    select c.imo_id, c.id, ${
    body.recruiting_lead_id === undefined
      ? tx`c.recruiting_lead_id`
      : tx`${body.recruiting_lead_id}::uuid`
  }, ${title}::text, ${body.amount ?? null}::numeric, ${body.currency}::text, ${body.stage}::text,
      ${product}::text, ${size}::text, ${colour}::text, ${quantity}::integer,
      ${analysis?.messageId ?? null}::uuid
    from public.conversations c where c.id = ${conversation.id}
    returning id`;
  const deals = await loadDeals(tx, conversation.id);
  return deals.find((deal) => deal.id === row!.id)!;
}
