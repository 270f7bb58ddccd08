import { describe, expect, it } from "vitest";
import { parseEnv } from "@/config/env.ts";

describe("parseEnv", () => {
  it("returns the Supabase settings when both are present", () => {
    expect(
      parseEnv({ VITE_SUPABASE_URL: "http://127.0.0.1:54321", VITE_SUPABASE_ANON_KEY: "anon" }),
    ).toEqual({ supabaseUrl: "http://127.0.0.1:54321", supabaseAnonKey: "anon" });
  });

  it("lists every missing variable in one error", () => {
    expect(() => parseEnv({})).toThrow(
      /VITE_SUPABASE_URL is missing[\s\S]*VITE_SUPABASE_ANON_KEY is missing/,
    );
  });

  it("treats empty strings as missing", () => {
    expect(() =>
      parseEnv({ VITE_SUPABASE_URL: "http://127.0.0.1:54321", VITE_SUPABASE_ANON_KEY: "" })
    )
      .toThrow("VITE_SUPABASE_ANON_KEY is missing");
  });

  it("rejects a URL that is not a URL", () => {
    expect(() => parseEnv({ VITE_SUPABASE_URL: "localhost", VITE_SUPABASE_ANON_KEY: "anon" }))
      .toThrow(/VITE_SUPABASE_URL must be a URL/);
  });
});
