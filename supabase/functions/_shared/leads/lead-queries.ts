import type { InboxCursor } from "../../../../shared/src/contracts/inbox-cursor.ts";
import type { UpdateLead } from "../../../../shared/src/contracts/recruiting-leads.ts";
import type { LeadSource, LeadStatus } from "../../../../shared/src/schemas/enums.ts";
import {
  type RecruitingLead,
  recruitingLeadSchema,
} from "../../../../shared/src/schemas/recruiting-lead.ts";
import type { Tx } from "../db.ts";
import { HttpError } from "../http.ts";

/** recruiting_leads' queries, inside `withUser`: RLS and the column grants decide. */

const COLUMNS = Object.keys(recruitingLeadSchema.shape);
const toLead = (row: unknown): RecruitingLead =>
  recruitingLeadSchema.parse(JSON.parse(JSON.stringify(row)));

export async function listLeads(
  tx: Tx,
  filter: {
    imoId: string;
    status?: LeadStatus;
    source?: LeadSource;
    cursor?: InboxCursor;
    limit: number;
  },
) {
  const rows = await tx`
    select ${tx(COLUMNS)},
      to_char(created_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at
    from public.recruiting_leads
    where imo_id = ${filter.imoId}
      ${filter.status ? tx`and status = ${filter.status}` : tx``}
      ${filter.source ? tx`and lead_source = ${filter.source}` : tx``}
      ${
    filter.cursor
      ? tx`and (created_at, id) < (${filter.cursor.at}::timestamptz, ${filter.cursor.id}::uuid)`
      : tx``
  }
    order by created_at desc, id desc
    limit ${filter.limit + 1}`;
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    leads: page.map(({ cursor_at: _, ...lead }) => toLead(lead)),
    nextCursor: rows.length > filter.limit && last ? { at: last.cursor_at, id: last.id } : null,
  };
}

export async function findLead(tx: Tx, id: string) {
  const [row] = await tx`select ${tx(COLUMNS)} from public.recruiting_leads where id = ${id}`;
  if (!row) throw new HttpError(404, "lead_not_found", "No such lead");
  return toLead(row);
}

export async function insertLead(
  tx: Tx,
  lead: {
    imo_id: string;
    full_name: string;
    email: string;
    phone: string;
    notes: string | null;
    lead_source: "manual" | "instagram_dm";
    instagram_username: string | null;
    conversation_id: string | null;
  },
) {
  const [row] = await tx`insert into public.recruiting_leads ${tx(lead)} returning ${tx(COLUMNS)}`;
  return toLead(row);
}

export async function updateLead(tx: Tx, input: UpdateLead & { phone?: string }) {
  const { id, ...fields } = input;
  const changes = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  );
  if (!Object.keys(changes).length) return await findLead(tx, id);
  try {
    const [row] = await tx`
      update public.recruiting_leads set ${tx(changes)} where id = ${id}
      returning ${tx(COLUMNS)}`;
    if (!row) throw new HttpError(404, "lead_not_found", "No such lead");
    return toLead(row);
  } catch (error) {
    // the owner must be a member of the lead's IMO (a composite foreign key)
    if ((error as { code?: string }).code === "23503") {
      throw new HttpError(
        422,
        "owner_not_member",
        "Only a member of this workspace can own a lead",
      );
    }
    throw error;
  }
}

/** Both directions of the link: the conversation and its contact point at the lead. */
export async function linkLeadToConversation(tx: Tx, leadId: string, conversationId: string) {
  const [conversation] = await tx<{ contact_id: string }[]>`
    update public.conversations set recruiting_lead_id = ${leadId}
    where id = ${conversationId} returning contact_id`;
  await tx`update public.contacts set recruiting_lead_id = ${leadId}
    where id = ${conversation!.contact_id}`;
}
