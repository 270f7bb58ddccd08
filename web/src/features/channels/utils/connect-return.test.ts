import { describe, expect, it } from "vitest";
import { jsonToBase64Url } from "@dm-desk/shared/encoding/base64url";
import {
  describeConnectResult,
  parseConnectReturn,
} from "@/features/channels/utils/connect-return.ts";

const ID = "00000000-0000-4000-8000-0000000000f1";

describe("parseConnectReturn", () => {
  it("is null unless the URL carries a known outcome", () => {
    expect(parseConnectReturn(new URLSearchParams(""))).toBeNull();
    expect(parseConnectReturn(new URLSearchParams("connect=maybe"))).toBeNull();
  });

  it("decodes the base64url result with the shared contract", () => {
    const result = { instagram: { connected: true, accounts: [{ id: ID, username: "a" }] } };
    const params = new URLSearchParams({ connect: "connected", result: jsonToBase64Url(result) });
    expect(parseConnectReturn(params)).toEqual({
      outcome: "connected",
      reason: undefined,
      result,
    });
  });

  it("drops a result that is not base64url JSON or not the contract's shape", () => {
    for (const raw of ["!!", jsonToBase64Url({ instagram: { connected: "yes" } }), "bm90IGpzb24"]) {
      const params = new URLSearchParams({ connect: "failed", reason: "x", result: raw });
      expect(parseConnectReturn(params)).toEqual({ outcome: "failed", reason: "x" });
    }
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
