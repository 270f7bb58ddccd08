import {
  AuthApiError,
  AuthRetryableFetchError,
  FunctionsFetchError,
  FunctionsHttpError,
} from "@supabase/supabase-js";
import { describe, expect, it } from "vitest";
import { AppError, GENERIC_ERROR_MESSAGE, toAppError } from "@/lib/errors.ts";

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

describe("toAppError", () => {
  it("keeps GoTrue's code and message", async () => {
    const error = await toAppError(
      new AuthApiError("Invalid login credentials", 400, "invalid_credentials"),
    );
    expect(error).toBeInstanceOf(AppError);
    expect({ code: error.code, message: error.message }).toEqual({
      code: "invalid_credentials",
      message: "Invalid login credentials",
    });
  });

  it("unwraps the edge-function error envelope", async () => {
    const response = jsonResponse(409, {
      error: {
        code: "already_connected",
        message: "That account is connected",
        details: { id: 7 },
      },
    });
    const error = await toAppError(new FunctionsHttpError(response));
    expect(error.code).toBe("already_connected");
    expect(error.message).toBe("That account is connected");
    expect(error.details).toEqual({ id: 7 });
  });

  it("falls back to the HTTP status when a function's body is not the envelope", async () => {
    const error = await toAppError(
      new FunctionsHttpError(new Response("Bad gateway", { status: 502 })),
    );
    expect(error.code).toBe("http_502");
    expect(error.message).toBe(GENERIC_ERROR_MESSAGE);
  });

  it("does not fail when the function response body was already read", async () => {
    const response = jsonResponse(400, { error: { code: "bad", message: "Bad" } });
    await response.text();
    const error = await toAppError(new FunctionsHttpError(response));
    expect(error.code).toBe("http_400");
  });

  it("reports network failures in plain language", async () => {
    for (
      const cause of [
        new FunctionsFetchError(new TypeError("fetch failed")),
        new AuthRetryableFetchError("Failed to fetch", 0),
      ]
    ) {
      const error = await toAppError(cause);
      expect(error.code).toBe("network_error");
      expect(error.message).toMatch(/can't reach the server/i);
    }
  });

  it("wraps plain errors and non-errors", async () => {
    expect((await toAppError(new Error("boom"))).message).toBe("boom");
    const fromString = await toAppError("nope");
    expect({ code: fromString.code, message: fromString.message }).toEqual({
      code: "unknown",
      message: GENERIC_ERROR_MESSAGE,
    });
  });

  it("passes AppErrors through untouched", async () => {
    const original = new AppError("custom", "Custom");
    expect(await toAppError(original)).toBe(original);
  });
});
