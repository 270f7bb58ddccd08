import { screen, within } from "@testing-library/react";
import type { AiPanel, Deal } from "@dm-desk/shared/contracts/ai-assistant";
import { NO_ENTITIES } from "@dm-desk/shared/contracts/message-analysis";
import { describe, expect, it, vi } from "vitest";
import { AiAssistant } from "@/features/messages/components/ai-assistant.tsx";
import { WORKSPACE_ID } from "@/testing/fixtures.ts";
import { callsTo, fail, mockFunctions, ok } from "@/testing/function-mocks.ts";
import { renderWithProviders } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const CONVERSATION = "00000000-0000-4000-9000-000000000001";
const MESSAGE = "00000000-0000-4000-9000-000000000002";
const DEAL = "00000000-0000-4000-9000-000000000003";
const AT = "2026-12-03T15:00:00.000Z";
const ORDER = { product: "hoodie", size: "L", colour: "black", quantity: 2 };

const panel: AiPanel = {
  conversation_id: CONVERSATION,
  mode: "supervised",
  category: "customer_order",
  qualification_state: "qualifying",
  lease: { until: null, by_name: null },
  latest: {
    message_id: MESSAGE,
    intent: "order",
    confidence: 0.91,
    entities: { ...NO_ENTITIES, order: ORDER },
    sentiment: 0.2,
    category: "customer_order",
    provider: "offline",
    model: "wink-eng-lite-web-model",
    tools_used: ["wink-nlp"],
    latency_ms: 3,
    fallback_reason: null,
    reply_outcome: "drafted: supervised",
    created_at: AT,
  },
  known: { ...NO_ENTITIES, order: ORDER },
  transitions: [],
  draft: null,
  deals: [],
};

describe("AiAssistant: an order and its deal", () => {
  it("shows the parsed order for confirmation, and starts a deal from it and the payment link's amount", async () => {
    const deal: Deal = {
      id: DEAL,
      conversation_id: CONVERSATION,
      recruiting_lead_id: null,
      title: "2 × black hoodie, size L",
      amount: 90,
      currency: "USD",
      stage: "open",
      ...ORDER,
      provenance: "ai",
      analysis_message_id: MESSAGE,
      created_by_name: "Casey Coach",
      created_at: AT,
    };
    const inserted: string[] = [];
    mockFunctions({
      [`ai-assistant/conversations/${CONVERSATION}`]: () => ok(panel),
      [`ai-assistant/conversations/${CONVERSATION}/close-sale`]: () =>
        ok({ text: "Here's your payment link for $90.00: https://pay.example.com/?a=90.00" }),
      [`ai-assistant/conversations/${CONVERSATION}/deals`]: () => ok({ deal }),
    });
    const { user } = renderWithProviders(
      <AiAssistant
        imoId={WORKSPACE_ID}
        conversationId={CONVERSATION}
        onInsert={(text) => inserted.push(text)}
      />,
    );
    const region = await screen.findByRole("region", { name: "AI assistant" });
    within(region).getByText("Order: 2 × black hoodie, size L — confirm?");

    await user.click(within(region).getByRole("button", { name: /Order 91%/ }));
    await user.type(screen.getByRole("textbox", { name: "Amount in dollars" }), "90");
    await user.click(screen.getByRole("button", { name: "Payment link" }));
    await vi.waitFor(() => expect(inserted).toHaveLength(1));
    expect(callsTo(`ai-assistant/conversations/${CONVERSATION}/close-sale`)[0]!.body).toEqual({
      action: "payment_link",
      amount: 90,
    });

    await user.click(screen.getByRole("button", { name: "Create deal" }));
    const form = screen.getByRole("form", { name: "New deal" });
    const value = (name: string) =>
      (within(form).getByRole("textbox", { name }) as HTMLInputElement).value;
    expect([value("Product"), value("Size"), value("Colour"), value("Quantity")]).toEqual([
      "hoodie",
      "L",
      "black",
      "2",
    ]);
    expect(value("Amount")).toBe("90");
    await user.click(within(form).getByRole("button", { name: "Save deal" }));

    await within(screen.getByRole("list", { name: "Deals" })).findByText(
      "2 × black hoodie, size L",
    );
    within(region).getByText("1 deal");
    expect(callsTo(`ai-assistant/conversations/${CONVERSATION}/deals`)[0]!.body).toMatchObject({
      title: "2 × black hoodie, size L",
      product: "hoodie",
      size: "L",
      colour: "black",
      quantity: 2,
      amount: 90,
      from_analysis: true,
    });
  });
});

describe("AiAssistant: a panel that could not load", () => {
  it("says so with a way to try again, which loads it", async () => {
    let calls = 0;
    mockFunctions({
      [`ai-assistant/conversations/${CONVERSATION}`]: () =>
        ++calls === 1 ? fail(503, "unavailable", "The AI service is busy") : ok(panel),
    });
    const { user } = renderWithProviders(
      <AiAssistant imoId={WORKSPACE_ID} conversationId={CONVERSATION} onInsert={() => {}} />,
    );
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The AI panel could not load.");
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    await screen.findByRole("region", { name: "AI assistant" });
    expect(calls).toBe(2);
  });
});
