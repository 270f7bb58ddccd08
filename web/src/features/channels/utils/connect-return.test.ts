import { describe, expect, it } from "vitest";
import {
  describeConnectResult,
  parseConnectLanding,
} from "@/features/channels/utils/connect-return.ts";

const ID = "00000000-0000-4000-8000-0000000000f1";

describe("parseConnectLanding", () => {
  it("is null unless the URL carries a parked consent or a known outcome", () => {
    expect(parseConnectLanding(new URLSearchParams(""))).toBeNull();
    expect(parseConnectLanding(new URLSearchParams("connect=maybe"))).toBeNull();
    expect(parseConnectLanding(new URLSearchParams("connection=not-an-id"))).toBeNull();
  });

  it("asks to confirm a parked consent by its id", () => {
    expect(parseConnectLanding(new URLSearchParams({ connection: ID }))).toEqual({
      kind: "confirm",
      connectionId: ID,
    });
  });

  it("reports a consent that ended at Meta with its reason", () => {
    const params = new URLSearchParams({ connect: "cancelled", reason: "You declined" });
    expect(parseConnectLanding(params)).toEqual({
      kind: "ended",
      connectReturn: { outcome: "cancelled", reason: "You declined" },
    });
  });
});

describe("describeConnectResult", () => {
  it("writes one line per platform, Facebook first", () => {
    expect(describeConnectResult({
      instagram: { connected: false, reason: "no Instagram business account linked" },
      facebook: { connected: true, accounts: [{ id: ID, username: null }] },
    })).toEqual([
      "Facebook Page connected",
      "Instagram not connected: no Instagram business account linked",
    ]);
  });

  it("names connected Instagram accounts by handle", () => {
    expect(describeConnectResult({
      instagram: { connected: true, accounts: [{ id: ID, username: "northwind.careers" }] },
    })).toEqual(["Instagram connected: @northwind.careers"]);
  });
});
