import type { OrderEntity } from "../contracts/message-analysis.ts";

/** A parsed shop order in a few words: "2 × black hoodie, size L" (a deal's default title too). */
export function orderSummary(order: OrderEntity): string {
  const item = [order.colour, order.product ?? "item"].filter(Boolean).join(" ");
  return `${order.quantity ? `${order.quantity} × ` : ""}${item}${
    order.size ? `, size ${order.size}` : ""
  }`;
}
