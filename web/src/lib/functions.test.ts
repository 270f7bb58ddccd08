import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";
import { fail, mockFunctions, ok } from "@/testing/function-mocks.ts";
import { functions } from "@/testing/supabase-mock.ts";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const schema = z.object({ n: z.number() });

describe("invokeFunction", () => {
  it("returns the parsed answer", async () => {
    mockFunctions({ count: () => ok({ n: 3, extra: true }) });
    await expect(invokeFunction("count", schema, { method: "GET" })).resolves.toEqual({ n: 3 });
    expect(functions.invoke).toHaveBeenCalledWith("count", { method: "GET" });
  });

  it("turns the error envelope into an AppError", async () => {
    mockFunctions({ count: () => fail(403, "forbidden", "Not for you") });
    await expect(invokeFunction("count", schema, { method: "GET" })).rejects.toMatchObject({
      code: "forbidden",
      message: "Not for you",
    });
  });

  it("refuses an answer that breaks the contract", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    mockFunctions({ count: () => ok({ n: "three" }) });
    const error = await invokeFunction("count", schema, { method: "GET" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("invalid_response");
  });
});

describe("withQuery and parseInput", () => {
  it("puts a GET's query in the function name", () => {
    expect(withQuery("connected-accounts", { imo_id: "a b" })).toBe(
      "connected-accounts?imo_id=a+b",
    );
  });

  it("reports a bad input as an AppError naming the field", () => {
    expect(() => parseInput(z.object({ imo_id: z.uuid() }), { imo_id: "x" })).toThrow(
      expect.objectContaining({
        code: "invalid_input",
        message: expect.stringMatching(/^imo_id: /),
      }),
    );
  });
});
