import { CalendarPlus, CreditCard } from "lucide-react";
import { COMPACT_BUTTON } from "@/components/ui/compact-menu.tsx";
import { useCloseSaleText } from "@/features/messages/api/get-close-sale-text.ts";

type AiCloseSaleProps = {
  conversationId: string;
  /** the payment link's amount as typed (kept by the panel: a deal starts from it too) */
  amount: string;
  onAmountChange: (amount: string) => void;
  onInsert: (text: string) => void;
};

/**
 * Seed 000's "Close sale" shortcuts: the IMO's booking link, or a payment link for an amount, put
 * in the composer for the person to check and send like any reply.
 */
export function AiCloseSale(
  { conversationId, amount, onAmountChange, onInsert }: AiCloseSaleProps,
) {
  const closeSale = useCloseSaleText(conversationId);
  const value = Number(amount);
  return (
    <div className="flex flex-wrap items-center gap-1" role="group" aria-label="Close sale">
      <button
        type="button"
        disabled={closeSale.isPending}
        onClick={() => closeSale.mutate({ action: "booking_link" }, { onSuccess: onInsert })}
        className={COMPACT_BUTTON}
      >
        <CalendarPlus className="size-3" aria-hidden="true" />
        Booking link
      </button>
      <form
        className="inline-flex items-center gap-1"
        onSubmit={(event) => {
          event.preventDefault();
          if (value > 0) {
            closeSale.mutate({ action: "payment_link", amount: value }, { onSuccess: onInsert });
          }
        }}
      >
        <label>
          <span className="sr-only">Amount in dollars</span>
          <input
            inputMode="decimal"
            value={amount}
            placeholder="$"
            onChange={(event) => onAmountChange(event.target.value.replace(/[^\d.]/g, ""))}
            className="h-6 w-14 rounded-md border border-zinc-200 bg-white px-1 text-[11px] dark:border-zinc-800 dark:bg-zinc-900"
          />
        </label>
        <button
          type="submit"
          disabled={closeSale.isPending || !(value > 0)}
          className={COMPACT_BUTTON}
        >
          <CreditCard className="size-3" aria-hidden="true" />
          Payment link
        </button>
      </form>
    </div>
  );
}
