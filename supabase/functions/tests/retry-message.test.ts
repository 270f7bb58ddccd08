/**
 * Failed sends over HTTP: Meta's code and message on the row, a retry of the same row, the
 * 1/1357046 answer that is never retried blind, and the account marked for reconnect only when
 * the token or a permission is at fault.
 */
import assert from "node:assert/strict";
import {
  type RetryMessageRequest,
  sendMessageResponseSchema,
} from "../../../shared/src/contracts/send-message.ts";
import { eventually } from "../../../scripts/testing/eventually.ts";
import { sandbox } from "../../../scripts/testing/meta-sandbox-client.ts";
import {
  addMember,
  type Caller,
  outboundRows,
  type SandboxThread,
  sandboxThread,
  send,
  sentFrom,
} from "../../../scripts/testing/send-fixture.ts";
import {
  callFunction,
  createWorkspace,
  type Workspace,
} from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

async function retry(caller: Caller, body: RetryMessageRequest) {
  const response = await callFunction(caller, "instagram-retry-message", { body });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: () => sendMessageResponseSchema.parse(JSON.parse(text)),
    error: () => JSON.parse(text).error as { code: string },
  };
}

/** The next Send API call of this thread's account fails with `kind`. */
const fault = (thread: SandboxThread, kind: string) =>
  sandbox("faults", { target: "graph", kind, match: `/${thread.account.igAccountId}/messages` });

async function accountState(ws: Workspace, thread: SandboxThread) {
  const [row] = await ws.sql<{ status: string; last_error: string | null }[]>`
    select status::text, last_error from public.channel_accounts where id = ${thread.account.accountId}`;
  return row!;
}

Deno.test(
  "retry: a Meta 5xx or 613 leaves `failed` with Meta's reason; a retry sends the same row",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", role: "recruiter", label: "retry-5xx" });
    try {
      const thread = await sandboxThread(ws);
      await fault(thread, "http_500");
      const failed = await send(ws, { conversation_id: thread.conversationId, text: "Hi there" });
      assert.equal(failed.status, 200, failed.text);
      const message = failed.json().message;
      assert.equal(message.status, "failed");
      assert.deepEqual(message.error, {
        code: "1",
        message: "An unknown error occurred",
        may_have_been_sent: false,
      });
      assert.equal((await accountState(ws, thread)).status, "connected", "no false disconnect");

      const retried = await retry(ws, { message_id: message.id });
      assert.equal(retried.status, 200, retried.text);
      assert.equal(retried.json().message.id, message.id, "the same message");
      assert.equal(retried.json().message.status, "sent");
      assert.equal(retried.json().message.error, null);
      const again = await retry(ws, { message_id: message.id });
      assert.equal(again.json().replayed, true, "a sent message is not sent again");
      assert.equal((await sentFrom(thread.account)).length, 1, "one message reached Meta");
      assert.equal((await outboundRows(ws, thread.conversationId)).length, 1);

      await fault(thread, "rate_limit_613");
      const limited = await send(ws, { conversation_id: thread.conversationId, text: "Later" });
      assert.equal(limited.json().message.error?.code, "613/2534040");
      assert.equal((await accountState(ws, thread)).status, "connected", "a rate limit neither");
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "retry: Meta's 1/1357046 may have been sent; no retry without the person's confirmation",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "retry-1357046" });
    try {
      const thread = await sandboxThread(ws);
      // no echo this time, so the row keeps what the answer said
      await sandbox(`accounts/${thread.account.igAccountId}`, { subscribedFields: [] }, "PATCH");
      await fault(thread, "sent_then_error");
      const answer = await send(ws, { conversation_id: thread.conversationId, text: "Sent?" });
      const message = answer.json().message;
      assert.equal(message.status, "failed");
      assert.equal(message.error?.code, "1/1357046");
      assert.equal(message.error?.may_have_been_sent, true);
      assert.equal((await sentFrom(thread.account)).length, 1, "Meta did send it");

      const blind = await retry(ws, { message_id: message.id });
      assert.equal(blind.status, 409, blind.text);
      assert.equal(blind.error().code, "may_have_been_sent");
      assert.equal((await sentFrom(thread.account)).length, 1, "not retried");

      const confirmed = await retry(ws, {
        message_id: message.id,
        confirm_may_have_been_sent: true,
      });
      assert.equal(confirmed.json().message.status, "sent");
      assert.equal(
        (await sentFrom(thread.account)).length,
        2,
        "sent again because a person said so",
      );
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "retry: when the echo of a 1/1357046 send arrives, the failed row becomes the sent message",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "retry-echo" });
    try {
      const thread = await sandboxThread(ws);
      await fault(thread, "sent_then_error");
      const answer = await send(ws, { conversation_id: thread.conversationId, text: "Echoed" });
      const id = answer.json().message.id;
      const [call] = await sentFrom(thread.account);
      const row = await eventually(
        async () => {
          const [sent] = await ws.sql<{ external_id: string; error_code: string | null }[]>`
          select external_id, error_code from public.messages where id = ${id} and status = 'sent'`;
          return sent;
        },
        "the echo marked the message sent",
        10_000,
      );
      assert.deepEqual(row, { external_id: call!.outcome.mid, error_code: null });
      assert.equal((await outboundRows(ws, thread.conversationId)).length, 1);
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "retry: the author, an owner or an admin may retry; another recruiter 403, another IMO 404",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", role: "recruiter", label: "retry-who" });
    const stranger = await createWorkspace({ plan: "team", label: "retry-stranger" });
    try {
      const thread = await sandboxThread(ws);
      await fault(thread, "http_503");
      const failed = await send(ws, { conversation_id: thread.conversationId, text: "Hello" });
      const id = failed.json().message.id;
      assert.equal(failed.json().message.error?.code, "2");

      const colleague = await addMember(ws, "recruiter");
      assert.equal((await retry(colleague, { message_id: id })).status, 403);
      const foreign = await retry(stranger, { message_id: id });
      assert.equal(foreign.status, 404);
      assert.equal(foreign.error().code, "message_not_found");
      const admin = await addMember(ws, "admin");
      const retried = await retry(admin, { message_id: id });
      assert.equal(retried.status, 200, retried.text);
      assert.equal(retried.json().message.status, "sent");
      assert.equal(retried.json().message.author.user_id, ws.userId, "still the author's message");
    } finally {
      await ws.close();
      await stranger.close();
    }
  },
);

Deno.test(
  "send: a revoked token or a missing permission marks the account for reconnect",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "send-reauth" });
    try {
      const revoked = await sandboxThread(ws);
      await sandbox("tokens/revoke", { account: revoked.account.igAccountId });
      const failed = await send(ws, { conversation_id: revoked.conversationId, text: "Hi" });
      assert.equal(failed.json().message.error?.code, "190/460");
      const expired = await accountState(ws, revoked);
      assert.equal(expired.status, "expired");
      assert.match(expired.last_error ?? "", /send failed/);
      const blocked = await send(ws, { conversation_id: revoked.conversationId, text: "Hi" });
      assert.equal(blocked.status, 409);
      assert.equal(blocked.error().code, "account_needs_reconnect");
      assert.equal((await sentFrom(revoked.account)).length, 0);

      const unpermitted = await sandboxThread(ws);
      await sandbox(`accounts/${unpermitted.account.igAccountId}/scopes`, {
        granted: ["instagram_business_basic"],
      });
      const denied = await send(ws, { conversation_id: unpermitted.conversationId, text: "Hi" });
      assert.equal(denied.json().message.error?.code, "10");
      assert.equal((await accountState(ws, unpermitted)).status, "error");
    } finally {
      await ws.close();
    }
  },
);
