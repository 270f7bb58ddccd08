import assert from "node:assert/strict";
import { signedInClient } from "../../../scripts/testing/platform-env.ts";
import { resignedAccessToken } from "../../../scripts/testing/resigned-token.ts";
import { requireUser } from "../_shared/auth.ts";
import { HttpError } from "../_shared/http.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

const requestWith = (token: string) =>
  new Request("http://functions.test/any", { headers: { authorization: `Bearer ${token}` } });

// Functions with verify_jwt = false reach requireUser with whatever the caller sent, so it must
// hold on its own and not lean on the gateway's check.
Deno.test(
  "requireUser refuses an expired token whose signature is genuine (401)",
  options,
  async () => {
    const { session, user } = await signedInClient("require-user");
    const current = await requireUser(
      requestWith(await resignedAccessToken(session.access_token, 600)),
    );
    assert.equal(current.sub, user.id);

    const expired = requestWith(await resignedAccessToken(session.access_token, -60));
    await assert.rejects(requireUser(expired), (error) => {
      assert.ok(error instanceof HttpError);
      assert.equal(error.status, 401);
      assert.equal(error.message, "Invalid or expired token");
      return true;
    });
  },
);
