import type { CommandCenterResponse } from "../../../../shared/src/contracts/insights.ts";
import type { Tx } from "../db.ts";

/**
 * The command center: the four SQL functions of
 * supabase/migrations/20261204110200_create_command_center_functions.sql (reading the rollups of
 * 20261205110300_read_command_center_from_rollups.sql), in the caller's transaction (security
 * invoker: RLS decides what they count), put together. The IMO's DM answers are brought up to
 * date first, so the numbers include the DMs of the last minute.
 */
export async function commandCenter(
  tx: Tx,
  imoId: string,
  tz: string,
  asOf: Date,
): Promise<CommandCenterResponse> {
  await tx`select public.refresh_dm_answers(${imoId})`;
  const dms = await tx<
    (CommandCenterResponse["dms"]["total"] & {
      channel_account_id: string | null;
      platform: string | null;
      username: string | null;
    })[]
  >`
    select d.*, a.platform::text as platform, a.username
    from public.command_center_dms(${imoId}, ${tz}, ${asOf}) d
    left join public.channel_accounts a on a.id = d.channel_account_id
    order by d.channel_account_id nulls first`;
  const [leads] = await tx<CommandCenterResponse["leads"][]>`
    select * from public.command_center_leads(${imoId}, ${tz}, ${asOf})`;
  const [analyses] = await tx<
    (CommandCenterResponse["orders"] & CommandCenterResponse["sentiment"])[]
  >`select * from public.command_center_analyses(${imoId}, ${tz}, ${asOf})`;
  const categories = await tx<CommandCenterResponse["categories"]>`
    select * from public.command_center_categories(${imoId})`;
  const [total, ...channels] = dms;
  const { channel_account_id: _c, platform: _p, username: _u, ...totals } = total!;
  const {
    orders_today,
    orders_7d,
    orders_30d,
    ...sentiment
  } = analyses!;
  return {
    tz,
    as_of: asOf.toISOString(),
    dms: {
      total: totals,
      channels: channels.map((row) => ({
        ...row,
        channel_account_id: row.channel_account_id!,
        platform: row.platform ?? "unknown",
      })),
    },
    leads: leads!,
    orders: { orders_today, orders_7d, orders_30d },
    sentiment: {
      ...sentiment,
      average_sentiment_7d: round(sentiment.average_sentiment_7d),
      average_sentiment_30d: round(sentiment.average_sentiment_30d),
    },
    categories: [...categories],
  };
}

const round = (value: number | null) => value === null ? null : Math.round(value * 1000) / 1000;
