import {
  createScheduledMessageSchema,
  reminderSettingsQuerySchema,
  scheduledMessageListQuerySchema,
  updateReminderSettingsSchema,
  updateScheduledMessageSchema,
} from "../../../../shared/src/contracts/scheduled-messages.ts";
import { messageTextSchema } from "../../../../shared/src/rules/message-text.ts";
import { requireUser } from "../auth.ts";
import { requireFeature, requireImoRole } from "../connect/access.ts";
import { type Tx, withUser } from "../db.ts";
import { HttpError, json } from "../http.ts";
import { requireConversation } from "../inbox/conversation-access.ts";
import { router, UUID } from "../router.ts";
import { renderForConversation } from "../templates/render-for-conversation.ts";
import { findTemplate } from "../templates/template-queries.ts";
import { parseBody, parseQuery } from "../validate.ts";
import { readReminderSettings, writeReminderSettings } from "./reminder-settings.ts";
import {
  cancelScheduled,
  insertScheduled,
  listScheduled,
  requireEditable,
  updateScheduled,
} from "./schedule-queries.ts";
import { requireScheduleTime } from "./schedule-window.ts";

const FEATURE = "instagram_scheduled_messages";

/**
 * scheduled-messages: members schedule replies in a conversation and manage the queue.
 *   GET /?conversation_id · POST / · PATCH /:id · POST /:id/cancel
 *   GET /reminder-settings?imo_id · PATCH /reminder-settings (owners and admins)
 */
export function createScheduledMessagesHandler() {
  return router([
    {
      method: "GET",
      path: "/scheduled-messages",
      handle: async (request) => {
        const claims = await requireUser(request);
        const query = parseQuery(request, scheduledMessageListQuerySchema);
        const scheduled = await withUser(claims, async (tx) => {
          const conversation = await requireConversation(tx, query.conversation_id);
          await requireFeature(tx, conversation.imo_id, FEATURE);
          return await listScheduled(tx, conversation.id);
        });
        return json({ scheduled_messages: scheduled });
      },
    },
    {
      method: "POST",
      path: "/scheduled-messages",
      handle: async (request) => {
        const claims = await requireUser(request);
        const body = await parseBody(request, createScheduledMessageSchema);
        const now = new Date();
        const scheduled = await withUser(claims, async (tx) => {
          const conversation = await requireConversation(tx, body.conversation_id);
          await requireFeature(tx, conversation.imo_id, FEATURE);
          if (body.scheduled_for) {
            await requireScheduleTime(tx, conversation.id, body.scheduled_for, now);
          }
          const text = body.template_id
            ? await templatePreview(tx, conversation, body.template_id)
            : body.text!;
          return await insertScheduled(tx, conversation, body, text);
        });
        return json({ scheduled_message: scheduled }, 201);
      },
    },
    {
      method: "PATCH",
      path: `/scheduled-messages/:id${UUID}`,
      handle: async (request, params) => {
        const claims = await requireUser(request);
        const body = await parseBody(request, updateScheduledMessageSchema);
        const now = new Date();
        const scheduled = await withUser(claims, async (tx) => {
          const current = await requireEditable(tx, params.id!);
          await requireFeature(tx, current.imo_id, FEATURE);
          if (body.scheduled_for) {
            await requireScheduleTime(tx, current.conversation_id, body.scheduled_for, now);
          }
          return await updateScheduled(tx, current, body);
        });
        return json({ scheduled_message: scheduled });
      },
    },
    {
      method: "POST",
      path: `/scheduled-messages/:id${UUID}/cancel`,
      handle: async (request, params) => {
        const claims = await requireUser(request);
        const scheduled = await withUser(claims, async (tx) => {
          await requireEditable(tx, params.id!);
          return await cancelScheduled(tx, params.id!);
        });
        return json({ scheduled_message: scheduled });
      },
    },
    {
      method: "GET",
      path: "/scheduled-messages/reminder-settings",
      handle: async (request) => {
        const claims = await requireUser(request);
        const query = parseQuery(request, reminderSettingsQuerySchema);
        const settings = await withUser(claims, async (tx) => {
          await requireImoRole(tx, query.imo_id, ["owner", "admin", "recruiter"]);
          return await readReminderSettings(tx, query.imo_id);
        });
        return json({ settings });
      },
    },
    {
      method: "PATCH",
      path: "/scheduled-messages/reminder-settings",
      handle: async (request) => {
        const claims = await requireUser(request);
        const body = await parseBody(request, updateReminderSettingsSchema);
        const settings = await withUser(claims, async (tx) => {
          await requireImoRole(tx, body.imo_id, ["owner", "admin"]);
          await requireFeature(tx, body.imo_id, FEATURE);
          return await writeReminderSettings(tx, body);
        });
        return json({ settings });
      },
    },
  ]);
}

/**
 * What a template reads in this conversation now, kept as the scheduled text: the list shows it,
 * and it is sent should the template be gone. The template is rendered again when it is sent.
 */
async function templatePreview(
  tx: Tx,
  conversation: { id: string; imo_id: string },
  templateId: string,
) {
  await requireFeature(tx, conversation.imo_id, "instagram_templates");
  const template = await findTemplate(tx, templateId);
  if (template.imo_id !== conversation.imo_id) {
    throw new HttpError(404, "template_not_found", "No such template");
  }
  const text = await renderForConversation(tx, template.content, conversation);
  const checked = messageTextSchema.safeParse(text);
  if (!checked.success) {
    throw new HttpError(422, "text_too_long", checked.error.issues[0]!.message);
  }
  return text;
}
