import type { AiPanel } from "@dm-desk/shared/contracts/ai-assistant";
import type { AnalysisEntities } from "@dm-desk/shared/contracts/message-analysis";
import { QUALIFICATION_STATES, type QualificationState } from "@dm-desk/shared/schemas/enums";
import { useState } from "react";
import { AiCloseSale } from "@/features/messages/components/ai-close-sale.tsx";
import { AiDeals } from "@/features/messages/components/ai-deals.tsx";
import { orderSummary, STATE_LABELS } from "@/features/messages/utils/ai-labels.ts";

type AiDetailsProps = {
  imoId: string;
  panel: AiPanel;
  isBusy: boolean;
  onQualify: (state: QualificationState) => void;
  onInsert: (text: string) => void;
};

/**
 * What the AI knows of the conversation: details, sentiment, how it was analysed, its moves; the
 * "Close sale" shortcuts and the conversation's deals.
 */
export function AiDetails({ imoId, panel, isBusy, onQualify, onInsert }: AiDetailsProps) {
  const latest = panel.latest;
  const [amount, setAmount] = useState("");
  const rows = entityRows(panel.known);
  return (
    <div className="space-y-1.5 border-t border-zinc-200 px-2 py-1.5 text-[11px] dark:border-zinc-800">
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-500">{label}</dt>
            <dd className="truncate text-zinc-800 dark:text-zinc-200">{value}</dd>
          </div>
        ))}
        {latest && (
          <div className="contents">
            <dt className="text-zinc-500">Sentiment</dt>
            <dd className="text-zinc-800 dark:text-zinc-200">{sentimentLabel(latest.sentiment)}</dd>
            <dt className="text-zinc-500">Analysed by</dt>
            <dd className="truncate text-zinc-800 dark:text-zinc-200">
              {`${latest.provider} · ${latest.model} · ${latest.latency_ms} ms`}
              {latest.fallback_reason && ` · fell back: ${latest.fallback_reason}`}
            </dd>
            {latest.reply_outcome && (
              <>
                <dt className="text-zinc-500">Reply</dt>
                <dd className="text-zinc-800 dark:text-zinc-200">{latest.reply_outcome}</dd>
              </>
            )}
          </div>
        )}
      </dl>
      {rows.length === 0 && !latest && (
        <p className="text-zinc-500">Nothing analysed yet: the AI reads each new message.</p>
      )}
      <div className="flex flex-wrap items-center gap-1">
        <label className="inline-flex items-center gap-1">
          <span className="text-zinc-500">Stage</span>
          <select
            value={panel.qualification_state}
            disabled={isBusy}
            onChange={(event) => {
              const state = QUALIFICATION_STATES.find((s) => s === event.target.value);
              if (state) onQualify(state);
            }}
            className="h-6 rounded-md border border-zinc-200 bg-white px-1 text-[11px] dark:border-zinc-800 dark:bg-zinc-900"
          >
            {QUALIFICATION_STATES.map((state) => (
              <option key={state} value={state}>{STATE_LABELS[state]}</option>
            ))}
          </select>
        </label>
        <AiCloseSale
          conversationId={panel.conversation_id}
          amount={amount}
          onAmountChange={setAmount}
          onInsert={onInsert}
        />
      </div>
      <AiDeals imoId={imoId} panel={panel} amount={Number(amount) > 0 ? Number(amount) : null} />
      {panel.transitions.length > 0 && (
        <ol aria-label="Stage history" className="space-y-0.5 text-[10px] text-zinc-500">
          {panel.transitions.map((t) => (
            <li key={`${t.created_at}-${t.to_state}`}>
              {`${STATE_LABELS[t.from_state]} → ${STATE_LABELS[t.to_state]} by ${
                t.moved_by_kind === "person"
                  ? t.moved_by_name ?? "a teammate"
                  : t.moved_by_kind === "ai"
                  ? "the AI"
                  : "the system"
              }${t.reason ? ` (${t.reason})` : ""}`}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function entityRows(known: AnalysisEntities): [string, string][] {
  const rows: [string, string | null][] = [
    ["Email", known.email],
    ["Phone", known.phone],
    ["State", known.us_state],
    ["Experience", known.years_experience === null ? null : `${known.years_experience} years`],
    ["Licensed", known.licensed === null ? null : known.licensed ? "Yes" : "No"],
    [
      "Available",
      known.availability
        ? `${known.availability.text} (${new Date(known.availability.at).toLocaleString()})`
        : null,
    ],
    [
      "Order",
      known.order ? orderSummary(known.order) : null,
    ],
  ];
  return rows.filter((row): row is [string, string] => Boolean(row[1]));
}

function sentimentLabel(score: number): string {
  const word = score > 0.25 ? "Positive" : score < -0.25 ? "Negative" : "Neutral";
  return `${word} (${score.toFixed(2)})`;
}
