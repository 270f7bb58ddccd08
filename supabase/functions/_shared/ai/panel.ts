import { type AiPanel, aiPanelSchema } from "../../../../shared/src/contracts/ai-assistant.ts";
import { knownEntities } from "../../../../shared/src/rules/qualification.ts";
import type { Tx } from "../db.ts";
import { HttpError } from "../http.ts";
import { entityHistory } from "./analysis-queries.ts";
import { openDraft } from "./assistant/drafts.ts";
import { loadDeals } from "./deal-queries.ts";

const iso = (at: Date | null) => at?.toISOString() ?? null;

/**
 * Everything the AI panel of a conversation shows, inside `withUser` (RLS hides other IMOs'):
 * mode, lease, category, state with its recent moves, the latest analysis, the details known so
 * far, the open draft and the conversation's deals.
 */
export async function loadAiPanel(tx: Tx, conversationId: string): Promise<AiPanel> {
  const [conversation] = await tx<{
    ai_mode: string;
    ai_category: string | null;
    qualification_state: string;
    ai_takeover_until: Date | null;
    lease_by: string | null;
  }[]>`
    select c.ai_mode::text, c.ai_category, c.qualification_state::text, c.ai_takeover_until,
      m.display_name as lease_by
    from public.conversations c
    left join public.imo_members m on m.imo_id = c.imo_id and m.user_id = c.ai_takeover_by
    where c.id = ${conversationId}`;
  if (!conversation) throw new HttpError(404, "conversation_not_found", "No such conversation");
  const [latest] = await tx<Record<string, unknown>[]>`
    select message_id, intent, confidence::float8 as confidence, entities,
      sentiment::float8 as sentiment, category, provider, model, tools_used, latency_ms,
      fallback_reason, reply_outcome, created_at
    from public.message_analyses where conversation_id = ${conversationId}
    order by created_at desc, message_id desc limit 1`;
  const transitions = await tx<Record<string, unknown>[]>`
    select t.from_state::text, t.to_state::text, t.moved_by_kind, m.display_name as moved_by_name,
      t.reason, t.created_at
    from public.qualification_transitions t
    left join public.imo_members m on m.imo_id = t.imo_id and m.user_id = t.moved_by_user_id
    where t.conversation_id = ${conversationId}
    order by t.created_at desc, t.id desc limit 10`;
  const draft = await openDraft(tx, conversationId);
  const holding = conversation.ai_takeover_until && conversation.ai_takeover_until > new Date();
  return aiPanelSchema.parse({
    conversation_id: conversationId,
    mode: conversation.ai_mode,
    category: conversation.ai_category,
    qualification_state: conversation.qualification_state,
    lease: {
      until: holding ? iso(conversation.ai_takeover_until) : null,
      by_name: holding ? conversation.lease_by : null,
    },
    latest: latest ? { ...latest, created_at: iso(latest.created_at as Date) } : null,
    known: knownEntities(await entityHistory(tx, conversationId)),
    transitions: transitions.map((t) => ({ ...t, created_at: iso(t.created_at as Date) })),
    draft: draft
      ? {
        id: draft.id,
        text: draft.text,
        reply_to_message_id: draft.ai_reply_to_message_id,
        created_at: draft.created_at.toISOString(),
      }
      : null,
    deals: await loadDeals(tx, conversationId),
  });
}
