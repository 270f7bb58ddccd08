import type { Tx } from "../db.ts";

export interface RoutedAccount {
  id: string;
  imo_id: string;
  external_account_id: string;
  external_ids: string[];
}

/**
 * The contact (one per account and IGSID, or Bluesky DID) and its conversation of `kind`, created
 * on first sight. Looked up first: most events belong to a known thread, and an upsert would
 * rewrite the rows every time.
 */
export async function ensureConversation(
  tx: Tx,
  account: Pick<RoutedAccount, "id" | "imo_id">,
  participantId: string,
  kind: "direct" | "public" = "direct",
) {
  const find = () =>
    tx<{ contact_id: string; conversation_id: string }[]>`
      select k.id as contact_id, c.id as conversation_id
      from public.contacts k join public.conversations c on c.contact_id = k.id
      where k.channel_account_id = ${account.id} and k.external_id = ${participantId}
        and c.kind = ${kind}`;
  const [known] = await find();
  if (known) return { contactId: known.contact_id, conversationId: known.conversation_id };
  // on conflict do nothing: a concurrent delivery may create the same contact first
  await tx`
    insert into public.contacts (imo_id, channel_account_id, external_id)
    values (${account.imo_id}, ${account.id}, ${participantId})
    on conflict (channel_account_id, external_id) do nothing`;
  await tx`
    insert into public.conversations (imo_id, channel_account_id, contact_id, kind)
    select ${account.imo_id}, ${account.id}, k.id, ${kind} from public.contacts k
    where k.channel_account_id = ${account.id} and k.external_id = ${participantId}
    on conflict (channel_account_id, contact_id, kind) do nothing`;
  const [created] = await find();
  return { contactId: created!.contact_id, conversationId: created!.conversation_id };
}

/** Meta's referral (an ad or an ig.me link) is kept as the conversation's lead source, first seen. */
export async function recordLeadSource(
  tx: Tx,
  conversationId: string,
  referral: Record<string, unknown>,
  at: Date,
) {
  const text = (
    key: string,
  ) => (typeof referral[key] === "string" ? referral[key] as string : null);
  await tx`
    update public.conversations set
      lead_source_type = ${text("source")}, lead_source_ref = ${text("ref")},
      lead_source_ad_id = ${text("ad_id")}, lead_source_referral = ${tx.json(referral as never)},
      lead_source_at = ${at}
    where id = ${conversationId} and lead_source_at is null`;
}
