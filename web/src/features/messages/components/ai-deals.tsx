import type { AiPanel, Deal } from "@dm-desk/shared/contracts/ai-assistant";
import { orderSummary } from "@dm-desk/shared/rules/order-summary";
import { Handshake } from "lucide-react";
import { type ChangeEvent, useState } from "react";
import { COMPACT_BUTTON } from "@/components/ui/compact-menu.tsx";
import { useCreateDeal } from "@/features/messages/api/create-deal.ts";

type AiDealsProps = {
  imoId: string;
  panel: AiPanel;
  /** the amount of the payment link, when the person typed one */
  amount: number | null;
};

const FIELD =
  "h-6 rounded-md border border-zinc-200 bg-white px-1 text-[11px] dark:border-zinc-800 dark:bg-zinc-900";

/**
 * The conversation's deals and "Create deal" (seed 001's `create_deal`): the form starts from the
 * order the AI read (product, size, colour, quantity) and the payment link's amount; the person
 * confirms or corrects it, and the deal records that it came from the AI's analysis.
 */
export function AiDeals({ imoId, panel, amount }: AiDealsProps) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <div className="space-y-1">
      {panel.deals.length > 0 && (
        <ul aria-label="Deals" className="space-y-0.5">
          {panel.deals.map((deal) => <DealRow key={deal.id} deal={deal} />)}
        </ul>
      )}
      {isOpen
        ? (
          <DealForm
            imoId={imoId}
            panel={panel}
            amount={amount}
            onDone={() => setIsOpen(false)}
          />
        )
        : (
          <button type="button" onClick={() => setIsOpen(true)} className={COMPACT_BUTTON}>
            <Handshake className="size-3" aria-hidden="true" />
            Create deal
          </button>
        )}
    </div>
  );
}

function DealRow({ deal }: { deal: Deal }) {
  const money = deal.amount === null ? null : `${deal.amount.toFixed(2)} ${deal.currency}`;
  return (
    <li className="flex flex-wrap items-center gap-1 text-zinc-800 dark:text-zinc-200">
      <Handshake className="size-3 text-emerald-600" aria-hidden="true" />
      <span className="font-medium">{deal.title}</span>
      {money && <span>{money}</span>}
      <span className="text-[10px] text-zinc-500">
        {`${deal.stage} · ${deal.provenance === "ai" ? "from the AI's analysis" : "by hand"}${
          deal.created_by_name ? `, ${deal.created_by_name}` : ""
        }`}
      </span>
    </li>
  );
}

type DealFormProps = AiDealsProps & { onDone: () => void };

function DealForm({ imoId, panel, amount, onDone }: DealFormProps) {
  const create = useCreateDeal(imoId, panel.conversation_id);
  const order = panel.known.order;
  const [form, setForm] = useState({
    title: order ? orderSummary(order) : "",
    product: order?.product ?? "",
    size: order?.size ?? "",
    colour: order?.colour ?? "",
    quantity: order?.quantity ? String(order.quantity) : "",
    amount: amount ? String(amount) : "",
  });
  const set = (key: keyof typeof form) => (event: ChangeEvent<HTMLInputElement>) =>
    setForm((current) => ({ ...current, [key]: event.target.value }));
  const text = (value: string) => value.trim() || null;
  return (
    <form
      aria-label="New deal"
      className="flex flex-wrap items-center gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({
          title: text(form.title) ?? undefined,
          product: text(form.product),
          size: text(form.size),
          colour: text(form.colour),
          quantity: form.quantity ? Number(form.quantity) : null,
          amount: form.amount ? Number(form.amount) : null,
          from_analysis: panel.latest !== null,
        }, { onSuccess: onDone });
      }}
    >
      <Field label="Title" value={form.title} onChange={set("title")} className="w-40" />
      <Field label="Product" value={form.product} onChange={set("product")} className="w-20" />
      <Field label="Size" value={form.size} onChange={set("size")} className="w-10" />
      <Field label="Colour" value={form.colour} onChange={set("colour")} className="w-16" />
      <Field
        label="Quantity"
        value={form.quantity}
        inputMode="numeric"
        onChange={(event) =>
          setForm((current) => ({ ...current, quantity: event.target.value.replace(/\D/g, "") }))}
        className="w-10"
      />
      <Field
        label="Amount"
        value={form.amount}
        inputMode="decimal"
        onChange={(event) =>
          setForm((current) => ({
            ...current,
            amount: event.target.value.replace(/[^\d.]/g, ""),
          }))}
        className="w-16"
      />
      <button type="submit" disabled={create.isPending} className={COMPACT_BUTTON}>
        Save deal
      </button>
      <button type="button" onClick={onDone} className={COMPACT_BUTTON}>Cancel</button>
    </form>
  );
}

type FieldProps = {
  label: string;
  value: string;
  className: string;
  inputMode?: "numeric" | "decimal";
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
};

function Field({ label, value, className, inputMode, onChange }: FieldProps) {
  return (
    <label className="inline-flex items-center gap-0.5">
      <span className="text-[10px] text-zinc-500">{label}</span>
      <input
        value={value}
        inputMode={inputMode}
        onChange={onChange}
        className={`${FIELD} ${className}`}
      />
    </label>
  );
}
