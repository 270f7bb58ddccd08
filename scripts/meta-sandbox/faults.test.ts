import assert from "node:assert/strict";
import {
  accountWithConversation,
  control,
  graph,
  startTestSandbox,
  testOptions,
  WebhookReceiver,
} from "./test-support.ts";

Deno.test(
  "faults: each rate limit answers Meta's documented error once, then calls work again",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const { account, igsid } = await accountWithConversation(sandbox);
      const send = () =>
        graph(sandbox, "graph.instagram.com/v25.0/me/messages", {
          method: "POST",
          token: account.accessToken,
          body: { recipient: { id: igsid }, message: { text: "hi" } },
        });
      const expected: [string, number, number | undefined][] = [
        ["rate_limit_4", 4, undefined],
        ["rate_limit_17", 17, undefined],
        ["rate_limit_32", 32, undefined],
        ["rate_limit_613", 613, 2534040],
      ];
      for (const [kind, code, subcode] of expected) {
        await control(sandbox, "POST", "faults", { target: "graph", match: "/me/messages$", kind });
        const limited = await send();
        assert.equal(limited.status, 400, kind);
        assert.equal(limited.body.error.code, code);
        assert.equal(limited.body.error.error_subcode, subcode);
        assert.equal(limited.body.error.is_transient, true);
        assert.ok(limited.body.error.fbtrace_id);
        assert.equal((await send()).status, 200, `${kind} is used up`);
      }
      // A fault that does not match the path leaves other calls alone.
      await control(sandbox, "POST", "faults", {
        target: "graph",
        match: "/conversations",
        kind: "rate_limit_4",
        count: 2,
      });
      assert.equal((await send()).status, 200);
      assert.equal((await control<unknown[]>(sandbox, "GET", "faults")).length, 1);
      await control(sandbox, "DELETE", "faults");
      assert.equal((await control<unknown[]>(sandbox, "GET", "faults")).length, 0);
      // Webhook kinds are refused for the graph target.
      const wrong = await fetch(`${sandbox.url}/_sandbox/faults`, {
        method: "POST",
        body: JSON.stringify({ target: "graph", kind: "duplicate_delivery" }),
      });
      assert.equal(wrong.status, 422);
      await wrong.body?.cancel();
    } finally {
      await sandbox.stop();
    }
  },
);

Deno.test("faults: 500, 503 and a bounded timeout", testOptions, async () => {
  const sandbox = await startTestSandbox({ faultTimeoutMs: 400 });
  try {
    const account = await control<{ accessToken: string }>(sandbox, "POST", "accounts", {
      username: "x",
      loginPath: "instagram_login",
    });
    const me = () => graph(sandbox, "graph.instagram.com/v25.0/me", { token: account.accessToken });
    await control(sandbox, "POST", "faults", { target: "graph", kind: "http_500" });
    const five = await me();
    assert.equal(five.status, 500);
    assert.equal(five.body.error.is_transient, true);
    await control(sandbox, "POST", "faults", { target: "graph", kind: "http_503" });
    assert.equal((await me()).status, 503);

    // The client gives up first.
    await control(sandbox, "POST", "faults", { target: "graph", kind: "timeout" });
    const started = Date.now();
    await assert.rejects(
      fetch(`${sandbox.url}/graph.instagram.com/v25.0/me?access_token=${account.accessToken}`, {
        signal: AbortSignal.timeout(100),
      }),
    );
    assert.ok(Date.now() - started < 400);
    // A patient client gets a 504 at the bound.
    await control(sandbox, "POST", "faults", { target: "graph", kind: "timeout" });
    const held = await fetch(
      `${sandbox.url}/graph.instagram.com/v25.0/me?access_token=${account.accessToken}`,
    );
    await held.body?.cancel();
    assert.equal(held.status, 504);
    assert.equal((await me()).status, 200);
  } finally {
    await sandbox.stop();
  }
});

Deno.test("faults: duplicate and out-of-order webhook delivery", testOptions, async () => {
  const receiver = new WebhookReceiver();
  const sandbox = await startTestSandbox({ webhookUrl: receiver.url });
  try {
    const { account, lead } = await accountWithConversation(sandbox);
    await receiver.waitFor(1);
    const say = (text: string) =>
      control<{ mid: string; delivery: { status: unknown } }>(
        sandbox,
        "POST",
        `leads/${lead.id}/messages`,
        {
          account: account.igAccountId,
          text,
        },
      );

    await control(sandbox, "POST", "faults", { target: "webhook", kind: "duplicate_delivery" });
    const twice = await say("twice");
    const [, copyA, copyB] = await receiver.waitFor(3);
    assert.equal(copyA!.text, copyB!.text);
    assert.equal(copyA!.signature, copyB!.signature);
    assert.equal(copyA!.json.entry[0].messaging[0].message.mid, twice.mid);

    await control(sandbox, "POST", "faults", {
      target: "webhook",
      kind: "out_of_order",
      match: "first",
    });
    const first = await say("first");
    assert.equal(first.delivery.status, "deferred");
    const second = await say("second");
    const [, , , a, b] = await receiver.waitFor(5);
    assert.equal(
      a!.json.entry[0].messaging[0].message.mid,
      second.mid,
      "the later message arrives first",
    );
    assert.equal(b!.json.entry[0].messaging[0].message.mid, first.mid);
    assert.ok(b!.json.entry[0].messaging[0].timestamp <= a!.json.entry[0].messaging[0].timestamp);
  } finally {
    await sandbox.stop();
    await receiver.stop();
  }
});

Deno.test(
  "faults: sent_then_error sends and answers 1/1357046; hold_answer waits for its release",
  testOptions,
  async () => {
    const receiver = new WebhookReceiver();
    const sandbox = await startTestSandbox({ webhookUrl: receiver.url });
    try {
      const { account, igsid } = await accountWithConversation(sandbox);
      await receiver.waitFor(1);
      const send = (text: string) =>
        graph(sandbox, `graph.instagram.com/v25.0/${account.igAccountId}/messages`, {
          method: "POST",
          token: account.accessToken,
          body: { recipient: { id: igsid }, message: { text } },
        });

      await control(sandbox, "POST", "faults", { target: "graph", kind: "sent_then_error" });
      const uncertain = await send("went out anyway");
      assert.equal(uncertain.status, 500);
      assert.equal(uncertain.body.error.code, 1);
      assert.equal(uncertain.body.error.error_subcode, 1357046);
      const [, echo] = await receiver.waitFor(2);
      assert.equal(echo!.json.entry[0].messaging[0].message.text, "went out anyway");
      assert.equal(echo!.json.entry[0].messaging[0].message.is_echo, true);

      const fault = await control<{ id: number }>(sandbox, "POST", "faults", {
        target: "graph",
        kind: "hold_answer",
      });
      let answered = false;
      const held = send("held").then((answer) => {
        answered = true;
        return answer;
      });
      const [, , heldEcho] = await receiver.waitFor(3);
      assert.equal(heldEcho!.json.entry[0].messaging[0].message.text, "held");
      assert.equal(answered, false, "the echo comes while the answer is held");
      await control(sandbox, "POST", `faults/${fault.id}/release`, {});
      const answer = await held;
      assert.equal(answer.status, 200);
      assert.equal(answer.body.message_id, heldEcho!.json.entry[0].messaging[0].message.mid);
      const released = await fetch(`${sandbox.url}/_sandbox/faults/${fault.id}/release`, {
        method: "POST",
      });
      assert.equal(released.status, 409, "nothing is held any more");
      await released.body?.cancel();
    } finally {
      await sandbox.stop();
      await receiver.stop();
    }
  },
);
