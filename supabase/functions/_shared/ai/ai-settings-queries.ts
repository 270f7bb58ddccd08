import {
  type AccountAiDefault,
  type AiSettings,
  aiSettingsSchema,
  DEFAULT_AI_SETTINGS,
} from "../../../../shared/src/contracts/ai-assistant.ts";
import type { Tx } from "../db.ts";

/** The one home of ai_settings queries. */

/** The IMO's AI settings, or the defaults when it has none (AI off). Under RLS or as the service. */
export async function loadAiSettings(tx: Tx, imoId: string): Promise<AiSettings> {
  const [row] = await tx<Record<string, unknown>[]>`
    select default_mode::text, autopilot_threshold::float8 as autopilot_threshold, lease_minutes,
      time_zone, reply_templates, instructions, booking_link, payment_link_template
    from public.ai_settings where imo_id = ${imoId}`;
  return settingsFromRow(row ?? null);
}

/**
 * Settings from a row of ai_settings (numeric as a number), or the defaults without one. A row
 * written before a rule tightened falls back to the defaults field by field.
 */
export function settingsFromRow(row: Record<string, unknown> | null): AiSettings {
  if (!row) return DEFAULT_AI_SETTINGS;
  const parsed = aiSettingsSchema.safeParse(row);
  return parsed.success ? parsed.data : { ...DEFAULT_AI_SETTINGS, ...pickValid(row) };
}

function pickValid(row: Record<string, unknown>): Partial<AiSettings> {
  const shape = aiSettingsSchema.shape;
  return Object.fromEntries(
    Object.entries(row).filter(([key, value]) =>
      key in shape && shape[key as keyof typeof shape].safeParse(value).success
    ),
  );
}

/** Writes the IMO's settings (an upsert); RLS lets only owners and admins. */
export async function saveAiSettings(tx: Tx, imoId: string, settings: AiSettings) {
  await tx`
    insert into public.ai_settings (imo_id, default_mode, autopilot_threshold, lease_minutes,
      time_zone, reply_templates, instructions, booking_link, payment_link_template)
    values (${imoId}, ${settings.default_mode}, ${settings.autopilot_threshold},
      ${settings.lease_minutes}, ${settings.time_zone}, ${tx.json(settings.reply_templates)},
      ${settings.instructions}, ${settings.booking_link}, ${settings.payment_link_template})
    on conflict (imo_id) do update set default_mode = excluded.default_mode,
      autopilot_threshold = excluded.autopilot_threshold, lease_minutes = excluded.lease_minutes,
      time_zone = excluded.time_zone, reply_templates = excluded.reply_templates,
      instructions = excluded.instructions, booking_link = excluded.booking_link,
      payment_link_template = excluded.payment_link_template`;
}

/** The IMO's accounts (not disconnected) with their own default AI mode; null: the IMO's. */
export async function loadAccountAiDefaults(tx: Tx, imoId: string): Promise<AccountAiDefault[]> {
  return await tx<AccountAiDefault[]>`
    select id, platform::text, username, ai_default_mode::text as default_mode
    from public.channel_accounts
    where imo_id = ${imoId} and disconnected_at is null
    order by platform, username nulls last, id`;
}

/**
 * Sets an account's default AI mode, as the caller: the column grant and the update policy let
 * only owners and admins of its IMO. Returns the account, or nothing when RLS hides it.
 */
export async function saveAccountAiDefault(
  tx: Tx,
  accountId: string,
  mode: AccountAiDefault["default_mode"],
): Promise<AccountAiDefault | undefined> {
  const [row] = await tx<AccountAiDefault[]>`
    update public.channel_accounts set ai_default_mode = ${mode}
    where id = ${accountId}
    returning id, platform::text, username, ai_default_mode::text as default_mode`;
  return row;
}
