import { screen, waitFor } from "@testing-library/react";
import type { AiSettingsResponse } from "@dm-desk/shared/contracts/ai-assistant";
import { describe, expect, it, vi } from "vitest";
import { AiSettingsSection } from "@/features/ai-settings/components/ai-settings-section.tsx";
import { WORKSPACE_ID } from "@/testing/fixtures.ts";
import { callsTo, mockFunctions, ok } from "@/testing/function-mocks.ts";
import { renderWithProviders } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const SETTINGS = `ai-assistant/settings/${WORKSPACE_ID}`;

function renderSettings() {
  const response: AiSettingsResponse = {
    settings: {
      default_mode: "supervised",
      autopilot_threshold: 0.85,
      lease_minutes: 30,
      time_zone: "America/New_York",
      reply_templates: {},
      instructions: null,
      booking_link: null,
      payment_link_template: null,
    },
    accounts: [],
    provider: { name: "offline", model: "rules", configured: true },
    can_edit: true,
  };
  mockFunctions({ [SETTINGS]: () => ok(response) });
  return renderWithProviders(<AiSettingsSection imoId={WORKSPACE_ID} />);
}

describe("Settings › AI", () => {
  it("offers the time zones as a list, the stored one chosen", async () => {
    renderSettings();
    const zone = await screen.findByLabelText<HTMLSelectElement>("Time zone");
    expect(zone.tagName).toBe("SELECT");
    expect(zone.value).toBe("America/New_York");
    expect([...zone.options].map((option) => option.value)).toContain("Europe/Madrid");
  });

  it("lets a number be cleared while a new one is typed", async () => {
    const { user } = renderSettings();
    const threshold = await screen.findByLabelText<HTMLInputElement>("Autopilot threshold (%)");
    await user.clear(threshold);
    expect(threshold.value).toBe("");
    await user.type(threshold, "90");
    expect(threshold.value).toBe("90");
  });

  it("says next to the field what is wrong with it, and sends nothing", async () => {
    const { user } = renderSettings();
    const payment = await screen.findByLabelText("Payment link");
    await user.type(payment, "https://pay.example.com/checkout");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(payment.getAttribute("aria-invalid")).toBe("true"));
    const described = document.getElementById(payment.getAttribute("aria-describedby") ?? "");
    expect(described?.textContent).toBe("Put {{amount}} where the amount goes");
    await waitFor(() => expect(document.activeElement).toBe(payment));
    expect(callsTo(SETTINGS).filter((call) => call.method === "PATCH")).toHaveLength(0);
  });
});
