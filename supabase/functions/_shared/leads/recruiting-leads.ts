import { knownEntities } from "../../../../shared/src/rules/qualification.ts";
import { entityHistory } from "../ai/analysis-queries.ts";
import { encodeInboxCursor } from "../../../../shared/src/contracts/inbox-cursor.ts";
import {
  createLeadSchema,
  leadListQuerySchema,
  type LeadPrefill,
  leadPrefillQuerySchema,
  leadQuerySchema,
  updateLeadSchema,
} from "../../../../shared/src/contracts/recruiting-leads.ts";
import { splitDisplayName } from "../../../../shared/src/rules/person-name.ts";
import { requireUser } from "../auth.ts";
import { requireFeature, requireImoRole } from "../connect/access.ts";
import { type Tx, withUser } from "../db.ts";
import { HttpError, json } from "../http.ts";
import { requireConversation } from "../inbox/conversation-access.ts";
import { router } from "../router.ts";
import { parseBody, parseQuery } from "../validate.ts";
import {
  findLead,
  insertLead,
  linkLeadToConversation,
  listLeads,
  updateLead,
} from "./lead-queries.ts";

const MEMBERS: ("owner" | "admin" | "recruiter")[] = ["owner", "admin", "recruiter"];

/** The contact behind a conversation, and the lead it already has. */
async function contactOf(tx: Tx, conversationId: string) {
  const conversation = await requireConversation(tx, conversationId);
  await requireFeature(tx, conversation.imo_id, "instagram_messaging");
  const [contact] = await tx<
    { username: string | null; display_name: string | null; lead_id: string | null }[]
  >`
    select k.username, k.display_name, c.recruiting_lead_id as lead_id
    from public.conversations c join public.contacts k on k.id = c.contact_id
    where c.id = ${conversationId}`;
  return { conversation, contact: contact! };
}

/**
 * recruiting-leads: the Leads page and "Create lead" from a conversation, for any member.
 *   GET /?imo_id&status&source&cursor · GET /lead?id · GET /prefill?conversation_id · POST / · PATCH /
 */
export function createRecruitingLeadsHandler() {
  return router([
    {
      method: "GET",
      path: "/recruiting-leads",
      handle: async (request) => {
        const claims = await requireUser(request);
        const query = parseQuery(request, leadListQuerySchema);
        const page = await withUser(claims, async (tx) => {
          await requireImoRole(tx, query.imo_id, MEMBERS);
          return await listLeads(tx, { ...query, imoId: query.imo_id });
        });
        return json({
          leads: page.leads,
          next_cursor: page.nextCursor ? encodeInboxCursor(page.nextCursor) : null,
        });
      },
    },
    {
      method: "GET",
      path: "/recruiting-leads/lead",
      handle: async (request) => {
        const claims = await requireUser(request);
        const { id } = parseQuery(request, leadQuerySchema);
        const lead = await withUser(claims, (tx) => findLead(tx, id));
        return json({ lead });
      },
    },
    {
      method: "GET",
      path: "/recruiting-leads/prefill",
      handle: async (request) => {
        const claims = await requireUser(request);
        const { conversation_id } = parseQuery(request, leadPrefillQuerySchema);
        const prefill = await withUser(claims, async (tx): Promise<LeadPrefill> => {
          const { contact } = await contactOf(tx, conversation_id);
          // the details the AI extracted from their messages pre-fill the rest
          const known = knownEntities(await entityHistory(tx, conversation_id));
          return {
            ...splitDisplayName(contact.display_name),
            instagram_username: contact.username,
            existing_lead_id: contact.lead_id,
            email: known.email,
            phone: known.phone,
          };
        });
        return json(prefill);
      },
    },
    {
      method: "POST",
      path: "/recruiting-leads",
      handle: async (request) => {
        const claims = await requireUser(request);
        const body = await parseBody(request, createLeadSchema);
        const lead = await withUser(claims, async (tx) => {
          await requireImoRole(tx, body.imo_id, MEMBERS);
          const source = body.conversation_id
            ? await contactOf(tx, body.conversation_id)
            : undefined;
          if (source && source.conversation.imo_id !== body.imo_id) {
            throw new HttpError(404, "conversation_not_found", "No such conversation");
          }
          if (source?.contact.lead_id) {
            throw new HttpError(409, "lead_exists", "This conversation already has a lead", {
              lead_id: source.contact.lead_id,
            });
          }
          const lead = await insertLead(tx, {
            imo_id: body.imo_id,
            full_name: `${body.first_name} ${body.last_name}`.trim(),
            email: body.email,
            phone: body.phone,
            notes: body.notes ?? null,
            lead_source: source ? "instagram_dm" : "manual",
            instagram_username: source?.contact.username ?? null,
            conversation_id: body.conversation_id ?? null,
          });
          if (body.conversation_id) await linkLeadToConversation(tx, lead.id, body.conversation_id);
          return lead;
        });
        return json({ lead }, 201);
      },
    },
    {
      method: "PATCH",
      path: "/recruiting-leads",
      handle: async (request) => {
        const claims = await requireUser(request);
        const body = await parseBody(request, updateLeadSchema);
        const lead = await withUser(claims, async (tx) => {
          await findLead(tx, body.id);
          return await updateLead(tx, body);
        });
        return json({ lead });
      },
    },
  ]);
}
