import assert from "node:assert/strict";
import { test } from "node:test";
import {
  mayHaveBeenSent,
  metaErrorCode,
  NO_MESSAGE_ID_ERROR_CODE,
  SENT_DESPITE_ERROR_CODE,
  TIMEOUT_ERROR_CODE,
  UNREACHABLE_ERROR_CODE,
} from "./send-errors.ts";

test("metaErrorCode: Meta's code and subcode as its error names them", () => {
  assert.equal(metaErrorCode(10, 2534022, 403), "10/2534022");
  assert.equal(metaErrorCode(2, null, 503), "2");
  assert.equal(metaErrorCode(1, 1357046, 500), SENT_DESPITE_ERROR_CODE);
  assert.equal(metaErrorCode(null, null, 502), "http_502");
});

test("mayHaveBeenSent: only where Meta may have delivered it anyway", () => {
  for (const code of [SENT_DESPITE_ERROR_CODE, TIMEOUT_ERROR_CODE, NO_MESSAGE_ID_ERROR_CODE]) {
    assert.equal(mayHaveBeenSent(code), true, code);
  }
  for (const code of ["1", "2", "190/460", "10/2534022", UNREACHABLE_ERROR_CODE, null]) {
    assert.equal(mayHaveBeenSent(code), false, String(code));
  }
});
