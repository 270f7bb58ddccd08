import {
  createTemplateSchema,
  deleteTemplateQuerySchema,
  renderTemplateSchema,
  templateListQuerySchema,
  updateTemplateSchema,
} from "../../../../shared/src/contracts/message-templates.ts";
import { requireUser } from "../auth.ts";
import { requireFeature, requireImoRole } from "../connect/access.ts";
import { type Tx, withUser } from "../db.ts";
import { HttpError, json } from "../http.ts";
import { requireConversation } from "../inbox/conversation-access.ts";
import { router } from "../router.ts";
import { parseBody, parseQuery } from "../validate.ts";
import { renderForConversation } from "./render-for-conversation.ts";
import {
  deleteTemplate,
  findTemplate,
  insertTemplate,
  listTemplates,
  updateTemplate,
} from "./template-queries.ts";

const FEATURE = "instagram_templates";
const ANY_MEMBER = ["owner", "admin", "recruiter"] as const;
const EDITORS = ["owner", "admin"] as const;

async function access(tx: Tx, imoId: string, roles: readonly ("owner" | "admin" | "recruiter")[]) {
  await requireImoRole(tx, imoId, [...roles]);
  await requireFeature(tx, imoId, FEATURE);
}

/**
 * message-templates: members list and render; owners and admins create, edit and delete (soft).
 *   GET /?imo_id&category · POST / · PATCH / · DELETE /?id · POST /render
 */
export function createMessageTemplatesHandler() {
  return router([
    {
      method: "GET",
      path: "/message-templates",
      handle: async (request) => {
        const claims = await requireUser(request);
        const query = parseQuery(request, templateListQuerySchema);
        const templates = await withUser(claims, async (tx) => {
          await access(tx, query.imo_id, ANY_MEMBER);
          return await listTemplates(tx, query.imo_id, query.category);
        });
        return json({ templates });
      },
    },
    {
      method: "POST",
      path: "/message-templates",
      handle: async (request) => {
        const claims = await requireUser(request);
        const body = await parseBody(request, createTemplateSchema);
        const template = await withUser(claims, async (tx) => {
          await access(tx, body.imo_id, EDITORS);
          return await insertTemplate(tx, body);
        });
        return json({ template }, 201);
      },
    },
    {
      method: "PATCH",
      path: "/message-templates",
      handle: async (request) => {
        const claims = await requireUser(request);
        const body = await parseBody(request, updateTemplateSchema);
        const template = await withUser(claims, async (tx) => {
          await access(tx, (await findTemplate(tx, body.id)).imo_id, EDITORS);
          return await updateTemplate(tx, body);
        });
        return json({ template });
      },
    },
    {
      method: "DELETE",
      path: "/message-templates",
      handle: async (request) => {
        const claims = await requireUser(request);
        const { id } = parseQuery(request, deleteTemplateQuerySchema);
        await withUser(claims, async (tx) => {
          await access(tx, (await findTemplate(tx, id)).imo_id, EDITORS);
          await deleteTemplate(tx, id);
        });
        return new Response(null, { status: 204 });
      },
    },
    {
      method: "POST",
      path: "/message-templates/render",
      handle: async (request) => {
        const claims = await requireUser(request);
        const body = await parseBody(request, renderTemplateSchema);
        const text = await withUser(claims, async (tx) => {
          const template = await findTemplate(tx, body.template_id);
          const conversation = await requireConversation(tx, body.conversation_id);
          // a template of one IMO never renders into another's conversation
          if (conversation.imo_id !== template.imo_id) {
            throw new HttpError(404, "template_not_found", "No such template in this workspace");
          }
          await access(tx, template.imo_id, ANY_MEMBER);
          const text = await renderForConversation(tx, template.content, conversation);
          // rendering into a composer is what "using" a template means here
          await tx`select private.count_template_use(${template.id})`;
          return text;
        });
        return json({ text });
      },
    },
  ]);
}
