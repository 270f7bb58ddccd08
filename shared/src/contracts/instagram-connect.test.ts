import assert from "node:assert/strict";
import { test } from "node:test";
import { oauthInitInputSchema } from "./instagram-connect.ts";

const imo_id = "6f1c2a0e-8b1d-4c3e-9f7a-2b5d8e1c4a90";

test("return_to accepts paths inside the app only", () => {
  for (const ok of ["/settings", "/settings/channels?tab=instagram", "/"]) {
    assert.equal(oauthInitInputSchema.safeParse({ imo_id, return_to: ok }).success, true, ok);
  }
  for (
    const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "settings",
      "/a b",
      "/x\\y",
    ]
  ) {
    assert.equal(oauthInitInputSchema.safeParse({ imo_id, return_to: bad }).success, false, bad);
  }
});

test("the login path defaults to Instagram Login and rejects others", () => {
  assert.equal(oauthInitInputSchema.parse({ imo_id }).auth_path, "instagram_login");
  assert.equal(oauthInitInputSchema.safeParse({ imo_id, auth_path: "twitter" }).success, false);
});
