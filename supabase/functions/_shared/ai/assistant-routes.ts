import {
  aiSettingsSchema,
  approveDraftSchema,
  closeSaleActionSchema,
  createDealSchema,
  setAccountAiDefaultSchema,
  setAiModeSchema,
  setQualificationSchema,
  takeOverSchema,
} from "../../../../shared/src/contracts/ai-assistant.ts";
import { canPersonMove } from "../../../../shared/src/rules/qualification.ts";
import { requireUser } from "../auth.ts";
import { requireFeature, requireImoRole } from "../connect/access.ts";
import { asService, withUser } from "../db.ts";
import { HttpError, json } from "../http.ts";
import { requireConversation } from "../inbox/conversation-access.ts";
import { router, UUID } from "../router.ts";
import { parseBody } from "../validate.ts";
import {
  loadAccountAiDefaults,
  loadAiSettings,
  saveAccountAiDefault,
  saveAiSettings,
} from "./ai-settings-queries.ts";
import { lockDraft } from "./assistant/drafts.ts";
import { sendAiMessage } from "./assistant/send-ai-message.ts";
import { closeSaleText } from "./close-sale.ts";
import { createDeal } from "./deal-queries.ts";
import { providerStatus } from "./llm/provider-config.ts";
import { loadAiPanel } from "./panel.ts";

const conversation = `/ai-assistant/conversations/:conversationId${UUID}`;
const draft = `/ai-assistant/drafts/:draftId${UUID}`;
const settings = `/ai-assistant/settings/:imoId${UUID}`;
const account = `/ai-assistant/accounts/:accountId${UUID}`;

type Params = Record<string, string>;

async function getPanel(request: Request, params: Params) {
  const claims = await requireUser(request);
  return json(await withUser(claims, (tx) => loadAiPanel(tx, params.conversationId!)));
}

async function setMode(request: Request, params: Params) {
  const claims = await requireUser(request);
  const { mode } = await parseBody(request, setAiModeSchema);
  return json(
    await withUser(claims, async (tx) => {
      await requireConversation(tx, params.conversationId!);
      await tx`update public.conversations set ai_mode = ${mode} where id = ${params
        .conversationId!}`;
      return await loadAiPanel(tx, params.conversationId!);
    }),
  );
}

async function takeOver(request: Request, params: Params) {
  const claims = await requireUser(request);
  const { minutes } = await parseBody(request, takeOverSchema);
  return json(
    await withUser(claims, async (tx) => {
      await requireConversation(tx, params.conversationId!);
      await tx`select public.take_ai_lease(${params.conversationId!}, ${minutes ?? null})`;
      return await loadAiPanel(tx, params.conversationId!);
    }),
  );
}

async function resume(request: Request, params: Params) {
  const claims = await requireUser(request);
  return json(
    await withUser(claims, async (tx) => {
      await requireConversation(tx, params.conversationId!);
      await tx`select public.resume_ai(${params.conversationId!})`;
      return await loadAiPanel(tx, params.conversationId!);
    }),
  );
}

/** A person moves the qualification state (any state to any other; the trigger records who). */
async function setQualification(request: Request, params: Params) {
  const claims = await requireUser(request);
  const { state } = await parseBody(request, setQualificationSchema);
  return json(
    await withUser(claims, async (tx) => {
      await requireConversation(tx, params.conversationId!);
      const [row] = await tx<{ qualification_state: "new" }[]>`
        select qualification_state::text from public.conversations
        where id = ${params.conversationId!} for update`;
      if (!canPersonMove(row!.qualification_state, state)) {
        throw new HttpError(409, "same_state", `The conversation is already ${state}`);
      }
      await tx`update public.conversations set qualification_state = ${state}
        where id = ${params.conversationId!}`;
      return await loadAiPanel(tx, params.conversationId!);
    }),
  );
}

async function closeSale(request: Request, params: Params) {
  const claims = await requireUser(request);
  const action = await parseBody(request, closeSaleActionSchema);
  return json(
    await withUser(claims, async (tx) => {
      const { imo_id } = await requireConversation(tx, params.conversationId!);
      return {
        text: closeSaleText(action, await loadAiSettings(tx, imo_id), params.conversationId!),
      };
    }),
  );
}

/**
 * A deal from the conversation (seed 001's `create_deal`), as the caller through RLS; with
 * `from_analysis` it starts from the order the AI read and records that analysis (provenance ai).
 */
async function createDealRoute(request: Request, params: Params) {
  const claims = await requireUser(request);
  const body = await parseBody(request, createDealSchema);
  return json(
    await withUser(claims, async (tx) => ({
      deal: await createDeal(tx, await requireConversation(tx, params.conversationId!), body),
    })),
    201,
  );
}

/**
 * A person sends the AI's draft, as written ("AI, approved by X") or changed ("AI, edited by X"),
 * through the AI's send path (sendAiMessage: window, governor, idempotent by the draft's id).
 */
async function approveDraft(request: Request, params: Params) {
  const claims = await requireUser(request);
  const body = await parseBody(request, approveDraftSchema);
  const draft = await withUser(claims, async (tx) => {
    const [visible] = await tx<{ imo_id: string; conversation_id: string }[]>`
      select imo_id, conversation_id from public.messages
      where id = ${params.draftId!} and author_kind = 'ai' and status = 'draft'`;
    if (!visible) {
      throw new HttpError(
        404,
        "draft_not_found",
        "No such draft; it may have been sent or discarded",
      );
    }
    await requireFeature(tx, visible.imo_id, "instagram_messaging");
    return visible;
  });
  const locked = await asService((tx) => lockDraft(tx, params.draftId!));
  if (!locked) {
    throw new HttpError(
      404,
      "draft_not_found",
      "No such draft; it may have been sent or discarded",
    );
  }
  const text = body.text ?? locked.text;
  const outcome = await sendAiMessage({
    conversationId: draft.conversation_id,
    text,
    review: text === locked.text ? "approved" : "edited",
    reviewerId: claims.sub,
    replyToMessageId: locked.ai_reply_to_message_id,
    clientMessageId: locked.id,
    draftId: locked.id,
    now: new Date(),
  });
  if (outcome.status === "refused") {
    throw new HttpError(409, outcome.reason, refusalMessage(outcome.reason));
  }
  return json({ message_id: outcome.messageId, status: outcome.status });
}

function refusalMessage(reason: string) {
  switch (reason) {
    case "window_closed":
      return "Instagram's 24-hour window has closed: the AI's draft can no longer be sent";
    case "story_mention":
      return "The contact only mentioned you in a story: the AI does not greet story mentions";
    case "account_not_connected":
      return "The Instagram account must be reconnected before it can send";
    default:
      return "The draft cannot be sent";
  }
}

async function discardDraft(request: Request, params: Params) {
  const claims = await requireUser(request);
  await withUser(claims, async (tx) => {
    const [visible] = await tx`select 1 from public.messages
      where id = ${params.draftId!} and author_kind = 'ai' and status = 'draft'`;
    if (!visible) {
      throw new HttpError(
        404,
        "draft_not_found",
        "No such draft; it may have been sent or discarded",
      );
    }
  });
  // members may not delete messages: the draft is the AI's, removed by the service once seen
  await asService((tx) =>
    tx`delete from public.messages where id = ${params.draftId!} and status = 'draft'`
  );
  return json({ discarded: true });
}

async function getSettings(request: Request, params: Params) {
  const claims = await requireUser(request);
  return json(
    await withUser(claims, async (tx) => {
      const role = await requireImoRole(tx, params.imoId!, ["owner", "admin", "recruiter"]);
      return {
        settings: await loadAiSettings(tx, params.imoId!),
        accounts: await loadAccountAiDefaults(tx, params.imoId!),
        provider: providerStatus(),
        can_edit: role !== "recruiter",
      };
    }),
  );
}

async function saveSettings(request: Request, params: Params) {
  const claims = await requireUser(request);
  const body = await parseBody(request, aiSettingsSchema);
  return json(
    await withUser(claims, async (tx) => {
      await requireImoRole(tx, params.imoId!, ["owner", "admin"]);
      await saveAiSettings(tx, params.imoId!, body);
      return {
        settings: await loadAiSettings(tx, params.imoId!),
        accounts: await loadAccountAiDefaults(tx, params.imoId!),
        provider: providerStatus(),
        can_edit: true,
      };
    }),
  );
}

/**
 * An account's own default AI mode for its new conversations (null: the IMO's), by an owner or
 * admin of its IMO; the column grant and the update policy say the same in the database.
 */
async function setAccountDefault(request: Request, params: Params) {
  const claims = await requireUser(request);
  const { default_mode } = await parseBody(request, setAccountAiDefaultSchema);
  return json(
    await withUser(claims, async (tx) => {
      const [visible] = await tx<{ imo_id: string }[]>`
        select imo_id from public.channel_accounts where id = ${params.accountId!}`;
      if (!visible) throw new HttpError(404, "account_not_found", "No such account");
      await requireImoRole(tx, visible.imo_id, ["owner", "admin"]);
      return { account: await saveAccountAiDefault(tx, params.accountId!, default_mode) };
    }),
  );
}

/**
 * ai-assistant (contracts in shared/src/contracts/ai-assistant.ts): a conversation's AI panel,
 * mode, takeover lease, qualification state, "Close sale" texts and deals; approving, editing
 * and discarding drafts; the IMO's AI settings and each account's default mode. Every route acts as the caller through RLS; the
 * draft and lease writes members have no grant for go through checked service calls.
 */
export function createAiAssistantHandler() {
  return router([
    { method: "GET", path: conversation, handle: getPanel },
    { method: "POST", path: `${conversation}/mode`, handle: setMode },
    { method: "POST", path: `${conversation}/takeover`, handle: takeOver },
    { method: "POST", path: `${conversation}/resume`, handle: resume },
    { method: "POST", path: `${conversation}/qualification`, handle: setQualification },
    { method: "POST", path: `${conversation}/close-sale`, handle: closeSale },
    { method: "POST", path: `${conversation}/deals`, handle: createDealRoute },
    { method: "POST", path: `${draft}/approve`, handle: approveDraft },
    { method: "POST", path: `${draft}/discard`, handle: discardDraft },
    { method: "GET", path: settings, handle: getSettings },
    { method: "PATCH", path: settings, handle: saveSettings },
    { method: "PATCH", path: account, handle: setAccountDefault },
  ]);
}
