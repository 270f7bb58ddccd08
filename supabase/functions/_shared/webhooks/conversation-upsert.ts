import type { Tx } from "../db.ts";
import { texts } from "./inbound-messages.ts";

export interface RoutedAccount {
  id: string;
  imo_id: string;
  external_account_id: string;
  external_ids: string[];
}

/** A contact's ids and its conversation's. */
export interface ContactThread {
  contactId: string;
  conversationId: string;
  /** this call created the contact or its conversation (a concurrent one may have too) */
  created: boolean;
}

/** Direct messages, or (Bluesky) the public thread of someone's mentions and replies. */
type ConversationKind = "direct" | "public";

export const threadKey = (accountId: string, participantId: string) =>
  `${accountId}:${participantId}`;

type ThreadAccount = Pick<RoutedAccount, "id" | "imo_id">;

/**
 * The contact (one per account and IGSID, or Bluesky DID) and its conversation of `kind`, created
 * on first sight.
 */
export async function ensureConversation(
  tx: Tx,
  account: ThreadAccount,
  participantId: string,
  kind: ConversationKind = "direct",
): Promise<ContactThread> {
  const threads = await ensureConversations(tx, [{ account, participantId }], kind);
  return threads.get(threadKey(account.id, participantId))!;
}

/**
 * The contacts and conversations of several people at once, by threadKey. Looked up first (or
 * given as `known`, findConversations' answer): most events belong to a known thread, and an
 * upsert would rewrite the rows every time. The missing ones are created in key order, so two
 * batches creating the same contacts never wait for each other in a cycle.
 */
export async function ensureConversations(
  tx: Tx,
  people: { account: ThreadAccount; participantId: string }[],
  kind: ConversationKind = "direct",
  known?: Map<string, ContactThread>,
): Promise<Map<string, ContactThread>> {
  const threads = known ?? await findConversations(tx, people, kind);
  const wanted = new Map(people.map((p) => [threadKey(p.account.id, p.participantId), p]));
  const missing = [...wanted.keys()].filter((key) => !threads.has(key)).sort();
  if (missing.length === 0) return threads;
  const list = missing.map((key) => wanted.get(key)!);
  const columns = () =>
    tx`unnest(${texts(tx, list.map((p) => p.account.imo_id))}, ${
      texts(tx, list.map((p) => p.account.id))
    }, ${
      texts(tx, list.map((p) => p.participantId))
    }) with ordinality as i (imo_id, account_id, external_id, ord)`;
  // on conflict do nothing: a concurrent delivery may create the same contact first
  await tx`
    insert into public.contacts (imo_id, channel_account_id, external_id)
    select i.imo_id::uuid, i.account_id::uuid, i.external_id from ${columns()} order by i.ord
    on conflict (channel_account_id, external_id) do nothing`;
  await tx`
    insert into public.conversations (imo_id, channel_account_id, contact_id, kind)
    select k.imo_id, k.channel_account_id, k.id, ${kind}::public.conversation_kind from ${columns()}
    join public.contacts k on k.channel_account_id = i.account_id::uuid and k.external_id = i.external_id
    order by i.ord
    on conflict (channel_account_id, contact_id, kind) do nothing`;
  for (const [key, thread] of await findConversations(tx, list, kind)) {
    threads.set(key, { ...thread, created: true });
  }
  return threads;
}

/** The contacts and conversations of `kind` that exist of these people, by threadKey. */
export async function findConversations(
  tx: Tx,
  people: { account: ThreadAccount; participantId: string }[],
  kind: ConversationKind = "direct",
): Promise<Map<string, ContactThread>> {
  const threads = new Map<string, ContactThread>();
  const list = [
    ...new Map(people.map((p) => [threadKey(p.account.id, p.participantId), p])).values(),
  ];
  if (list.length === 0) return threads;
  const rows = await tx<
    {
      channel_account_id: string;
      external_id: string;
      contact_id: string;
      conversation_id: string;
    }[]
  >`
    select k.channel_account_id, k.external_id, k.id as contact_id, c.id as conversation_id
    from unnest(${texts(tx, list.map((p) => p.account.id))}, ${
    texts(tx, list.map((p) => p.participantId))
  }) as i (account_id, external_id)
    join public.contacts k on k.channel_account_id = i.account_id::uuid and k.external_id = i.external_id
    join public.conversations c on c.contact_id = k.id and c.kind = ${kind}`;
  for (const row of rows) {
    threads.set(threadKey(row.channel_account_id, row.external_id), {
      contactId: row.contact_id,
      conversationId: row.conversation_id,
      created: false,
    });
  }
  return threads;
}

/**
 * Meta's referral (an ad or an ig.me link) is kept as the conversation's lead source: the first by
 * event time, whichever arrives first.
 */
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
    where id = ${conversationId} and (lead_source_at is null or lead_source_at > ${at})`;
}
