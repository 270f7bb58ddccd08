import { describe, expect, it } from "vitest";
import { resolveRedirectTarget } from "@/features/auth/utils/redirect-target.ts";

describe("resolveRedirectTarget", () => {
  it("follows same-origin paths, keeping the query string", () => {
    expect(resolveRedirectTarget("/leads?stage=new")).toBe("/leads?stage=new");
  });

  it.each([null, "", "https://evil.example", "//evil.example", "/\\evil.example", "leads"])(
    "falls back to the inbox for %j",
    (raw) => {
      expect(resolveRedirectTarget(raw)).toBe("/messages");
    },
  );

  it("never sends a freshly signed-in user back to an auth screen", () => {
    expect(resolveRedirectTarget("/sign-in?redirectTo=%2Fleads")).toBe("/messages");
    expect(resolveRedirectTarget("/sign-up")).toBe("/messages");
  });
});
