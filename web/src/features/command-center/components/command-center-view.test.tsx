import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { CommandCenterResponse } from "@dm-desk/shared/contracts/insights";
import { fakeWorkspace } from "@/testing/fixtures.ts";
import { fail, mockFunctions, ok } from "@/testing/function-mocks.ts";
import { fakeSession, setMockSession } from "@/testing/supabase-mock.ts";
import { renderApp } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const stats = (received: number): CommandCenterResponse["dms"]["total"] => ({
  received_today: received,
  received_7d: received * 5,
  received_30d: received * 20,
  answered_today: received - 1,
  answered_7d: received * 4,
  answered_30d: received * 18,
  median_first_response_seconds_7d: 540,
  median_first_response_seconds_30d: 3600,
});

const response: CommandCenterResponse = {
  tz: "UTC",
  as_of: "2026-12-02T12:00:00Z",
  dms: {
    total: stats(4),
    channels: [{
      ...stats(4),
      channel_account_id: "00000000-0000-4000-8000-0000000000c1",
      platform: "instagram",
      username: "northwind.careers",
    }],
  },
  leads: { created_today: 1, created_7d: 3, created_30d: 9 },
  orders: { orders_today: 0, orders_7d: 2, orders_30d: 5 },
  sentiment: {
    analysed_7d: 10,
    positive_7d: 6,
    neutral_7d: 3,
    negative_7d: 1,
    average_sentiment_7d: 0.31,
    analysed_30d: 40,
    positive_30d: 20,
    neutral_30d: 15,
    negative_30d: 5,
    average_sentiment_30d: 0.2,
  },
  categories: [{ category: "candidate", conversations: 7 }],
};

function renderHome(reply: ReturnType<typeof ok>) {
  setMockSession(fakeSession());
  mockFunctions({
    "my-workspaces": () => ok({ workspaces: [fakeWorkspace()] }),
    "insights/command-center": () => reply,
    insights: () =>
      ok({
        platform: "instagram",
        period: "day",
        since: response.as_of,
        until: response.as_of,
        series: [],
        aggregates: {},
      }),
  });
  return renderApp("/home");
}

describe("Command center", () => {
  it("shows the numbers the server computed", async () => {
    renderHome(ok(response));
    expect(await screen.findByText("DMs today")).toBeTruthy();
    expect(screen.getByText("3 answered")).toBeTruthy();
    expect(screen.getAllByText("9 min").length).toBe(2);
    expect(screen.getByText("80 %")).toBeTruthy();
    expect(screen.getByText("@northwind.careers")).toBeTruthy();
    expect(screen.getByLabelText("6 positive, 3 neutral, 1 negative")).toBeTruthy();
  });

  it("says why it could not load, with a retry", async () => {
    renderHome(fail(500, "internal", "The database is unavailable"));
    expect(await screen.findByText("The database is unavailable")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});
