/**
 * instagram-send-message over HTTP with real JWTs, against the Meta sandbox: who may send, the
 * window and its tag, the byte limit, the idempotency key, and the echo that outruns the answer.
 */
import assert from "node:assert/strict";
import { eventually } from "../../../scripts/testing/eventually.ts";
import { sandbox } from "../../../scripts/testing/meta-sandbox-client.ts";
import { platformEnv } from "../../../scripts/testing/platform-env.ts";
import {
  addMember,
  type Caller,
  outboundRows,
  type SandboxThread,
  sandboxThread,
  send,
  sentFrom,
} from "../../../scripts/testing/send-fixture.ts";
import { createWorkspace, type Workspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

Deno.test(
  "send: a recruiter's reply inside 24 h goes without a tag, once per idempotency key",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", role: "recruiter", label: "send-basic" });
    try {
      const thread = await sandboxThread(ws, { minutesAgo: DAY_MINUTES - 1 });
      const key = crypto.randomUUID();
      const body = {
        conversation_id: thread.conversationId,
        client_message_id: key,
        text: "Yes! Still open 🙌🏽 — can you send your CV?",
      };
      // a double click: two requests at once, and one more after
      const [first, second] = await Promise.all([send(ws, body), send(ws, body)]);
      const third = await send(ws, body);
      for (const answer of [first, second, third]) assert.equal(answer.status, 200, answer.text);
      const sent = first.json().message;
      assert.equal(sent.status, "sent");
      assert.equal(sent.author.kind, "user");
      assert.equal(sent.author.user_id, ws.userId);
      assert.equal(sent.text, body.text);
      assert.ok(sent.external_id);
      assert.deepEqual(
        [second.json().message.id, third.json().message.id],
        [sent.id, sent.id],
        "the same message",
      );
      assert.deepEqual(
        [first, second, third].map((a) => a.json().replayed).sort(),
        [false, true, true],
      );

      const calls = await sentFrom(thread.account);
      assert.equal(calls.length, 1, "one Graph call");
      assert.equal(calls[0]!.tag, undefined, "no tag inside 24 h");
      assert.equal(calls[0]!.messagingType, undefined);
      assert.equal(calls[0]!.outcome.mid, sent.external_id);

      // the echo comes back and finds the row: still one message, the recruiter's
      await eventually(
        async () => {
          const [row] = await ws.sql`select 1 from public.webhook_events
          where ${thread.account.igAccountId} = any(entry_ids) and raw_body like '%is_echo%'
            and status = 'processed'`;
          return row;
        },
        "the echo was processed",
        10_000,
      );
      const rows = await outboundRows(ws, thread.conversationId);
      assert.deepEqual(rows.map((r) => [r.author_kind, r.author_user_id]), [["user", ws.userId]]);

      const [usage] = await ws.sql<{ count: string }[]>`
        select count from public.usage_counters
        where imo_id = ${ws.imoId} and metric = 'messages_sent'`;
      assert.equal(Number(usage?.count), 1, "one message sent today");

      const reused = await send(ws, { ...body, text: "something else" });
      assert.equal(reused.status, 409);
      assert.equal(reused.error().code, "idempotency_key_reused");
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "send: from 24 h to 7 d only with the Human Agent permission and the tag; after, 409 window_closed",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "send-window" });
    try {
      const late = await sandboxThread(ws, { minutesAgo: DAY_MINUTES + 1, humanAgent: true });
      const tagged = await send(ws, { conversation_id: late.conversationId, text: "Still there?" });
      assert.equal(tagged.status, 200, tagged.text);
      assert.equal(tagged.json().message.status, "sent");
      const [call] = await sentFrom(late.account);
      assert.equal(call!.tag, "HUMAN_AGENT", "the sandbox saw the tag");
      assert.equal(call!.messagingType, "MESSAGE_TAG");
      assert.equal(call!.outcome.ok, true);

      const lastDay = await sandboxThread(ws, {
        minutesAgo: 7 * DAY_MINUTES - 1,
        humanAgent: true,
      });
      const stillOk = await send(ws, { conversation_id: lastDay.conversationId, text: "Hello" });
      assert.equal(stillOk.status, 200, stillOk.text);
      assert.equal((await sentFrom(lastDay.account))[0]!.tag, "HUMAN_AGENT");

      const expired = await sandboxThread(ws, {
        minutesAgo: 7 * DAY_MINUTES + 1,
        humanAgent: true,
      });
      const refused = await send(ws, { conversation_id: expired.conversationId, text: "Hello" });
      assert.equal(refused.status, 409, refused.text);
      assert.equal(refused.error().code, "window_closed");
      assert.equal(refused.error().details.reason, "human_agent_expired");
      const [inbound] = await ws.sql<{ last_inbound_at: Date }[]>`
        select last_inbound_at from public.conversations where id = ${expired.conversationId}`;
      assert.equal(
        refused.error().details.closed_at,
        new Date(inbound!.last_inbound_at.getTime() + 7 * 86_400_000).toISOString(),
        "says when it closed",
      );

      const noPermission = await sandboxThread(ws, { minutesAgo: DAY_MINUTES + 1 });
      const closed = await send(ws, { conversation_id: noPermission.conversationId, text: "Hi" });
      assert.equal(closed.status, 409, closed.text);
      assert.equal(closed.error().code, "window_closed");
      assert.equal(closed.error().details.reason, "window_closed");

      for (const thread of [expired, noPermission]) {
        assert.deepEqual(await sentFrom(thread.account), [], "Meta was not called");
        assert.deepEqual(await outboundRows(ws, thread.conversationId), [], "nothing stored");
      }
    } finally {
      await ws.close();
    }
  },
);

Deno.test("send: 1000 UTF-8 bytes as Meta counts them, emoji included", options, async () => {
  const ws = await createWorkspace({ plan: "team", label: "send-bytes" });
  try {
    const thread = await sandboxThread(ws);
    const full = "😀".repeat(250); // 250 characters, 1000 bytes
    const ok = await send(ws, { conversation_id: thread.conversationId, text: full });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.json().message.text, full);
    for (const text of ["é".repeat(500) + "a", "👩‍💻".repeat(91) + "ab", "€".repeat(334)]) {
      const tooLong = await send(ws, { conversation_id: thread.conversationId, text });
      assert.equal(tooLong.status, 422, `${new TextEncoder().encode(text).length} bytes`);
      assert.match(tooLong.text, /bytes/);
    }
    const neither = await send(ws, { conversation_id: thread.conversationId });
    assert.equal(neither.status, 422);
    assert.equal((await sentFrom(thread.account)).length, 1, "only the message that fit");
  } finally {
    await ws.close();
  }
});

Deno.test(
  "send: an image by URL; a Facebook-Login account sends through its Page",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "send-image" });
    try {
      const thread = await sandboxThread(ws);
      const url = "https://cdn.example.com/jobs/recruiter-role.png";
      const image = await send(ws, { conversation_id: thread.conversationId, image_url: url });
      assert.equal(image.status, 200, image.text);
      const message = image.json().message;
      assert.equal(message.status, "sent");
      assert.equal(message.type, "media");
      assert.deepEqual(message.attachments, [{ type: "image", url }]);
      const [call] = await sentFrom(thread.account);
      assert.deepEqual(call!.body.message?.attachment, { type: "image", payload: { url } });
      const both = await send(ws, {
        conversation_id: thread.conversationId,
        text: "a",
        image_url: url,
      });
      assert.equal(both.status, 422, "one or the other");

      const page = await sandboxThread(ws, { loginPath: "facebook_login" });
      const viaPage = await send(ws, {
        conversation_id: page.conversationId,
        text: "Via the Page",
      });
      assert.equal(viaPage.status, 200, viaPage.text);
      assert.equal(viaPage.json().message.status, "sent");
      assert.equal((await sentFrom(page.account))[0]!.body.message?.text, "Via the Page");
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "send: another IMO's member gets 404, anon 401, a plan without messaging 402",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "send-access" });
    const stranger = await createWorkspace({ plan: "team", label: "send-stranger" });
    try {
      const thread = await sandboxThread(ws);
      const body = { conversation_id: thread.conversationId, text: "Hi" };
      const foreign = await send(stranger, body);
      assert.equal(foreign.status, 404);
      assert.equal(foreign.error().code, "conversation_not_found");

      const anon = await send({ accessToken: platformEnv().anonKey }, body);
      assert.equal(anon.status, 401);

      await ws
        .sql`update public.imo_subscriptions set plan_code = 'free' where imo_id = ${ws.imoId}`;
      const unpaid = await send(ws, body);
      assert.equal(unpaid.status, 402);
      assert.equal(unpaid.error().code, "plan_required");
      assert.deepEqual(await sentFrom(thread.account), []);
    } finally {
      await ws.close();
      await stranger.close();
    }
  },
);

Deno.test(
  "send: the echo outruns Meta's answer; one message, the person's",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "send-echo-race" });
    try {
      const thread = await sandboxThread(ws);
      // the echo finds the pending row and claims it before the answer comes
      const claimed = await raceTheEcho(ws, thread, "Echo first", async () => {});
      assert.equal(claimed.status, "sent");

      // the echo finds the row busy, stores a native_app message; the answer adopts it
      const adopted = await raceTheEcho(ws, thread, "Echo while busy", async (pendingId) => {
        await ws.sql.begin(async (tx) => {
          await tx`select id from public.messages where id = ${pendingId} for update`;
          await eventually(
            async () => {
              const [row] = await ws.sql`select 1 from public.messages
              where conversation_id = ${thread.conversationId} and author_kind = 'native_app'`;
              return row;
            },
            "the echo stored a native_app message",
            10_000,
          );
        });
      });
      assert.equal(adopted.status, "sent");

      const rows = await outboundRows(ws, thread.conversationId);
      assert.deepEqual(
        rows.map((r) => [r.author_kind, r.author_user_id, r.status]),
        [["user", ws.userId, "sent"], ["user", ws.userId, "sent"]],
        "one row per message, the person's",
      );
    } finally {
      await ws.close();
    }
  },
);

/**
 * Sends `text` while the sandbox holds Meta's answer; `meanwhile` runs once the pending row exists,
 * then the test waits for the echo to be processed and lets the answer go.
 */
async function raceTheEcho(
  ws: Workspace,
  thread: SandboxThread,
  text: string,
  meanwhile: (pendingId: string) => Promise<void>,
) {
  const fault = await sandbox<{ id: number }>("faults", {
    target: "graph",
    kind: "hold_answer",
    match: `/${thread.account.igAccountId}/messages`,
  });
  const answer = send(ws, { conversation_id: thread.conversationId, text });
  const pendingId = await eventually(
    async () => {
      const [row] = await ws.sql<{ id: string }[]>`select id from public.messages
      where conversation_id = ${thread.conversationId} and text = ${text}`;
      return row?.id;
    },
    "the reply was stored before Meta was called",
    10_000,
  );
  await meanwhile(pendingId);
  await eventually(
    async () => {
      const [row] = await ws.sql`select 1 from public.webhook_events
      where ${thread.account.igAccountId} = any(entry_ids) and raw_body like ${`%${text}%`}
        and status = 'processed'`;
      return row;
    },
    "the echo was processed",
    10_000,
  );
  await sandbox(`faults/${fault.id}/release`, {});
  const result = await answer;
  assert.equal(result.status, 200, result.text);
  const message = result.json().message;
  assert.equal(message.id, pendingId);
  assert.equal(message.author.user_id, ws.userId);
  return message;
}

Deno.test(
  "send: two callers over Meta's 100/s meet the governor (shared with crons), never Meta's 613",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", role: "admin", label: "send-governor" });
    try {
      const thread = await sandboxThread(ws);
      const recruiter = await addMember(ws, "recruiter");
      const burst = async (label: string) => {
        const sends = (caller: Caller, n: number) =>
          Array.from({ length: n }, (_, i) =>
            send(caller, {
              conversation_id: thread.conversationId,
              text: `${label} ${i}`,
            }));
        const started = performance.now();
        const answers = await Promise.all([...sends(ws, 60), ...sends(recruiter, 60)]);
        const sent = answers.filter((a) => a.status === 200);
        const limited = answers.filter((a) => a.status === 429);
        console.log(
          `${label}: 120 sends in ${((performance.now() - started) / 1000).toFixed(2)} s, ` +
            `${sent.length} sent, ${limited.length} limited`,
        );
        assert.equal(sent.length + limited.length, 120, answers.find((a) => a.status >= 500)?.text);
        for (const answer of limited) {
          assert.equal(answer.error().code, "rate_limited");
          const retryAfter = Number(answer.headers.get("retry-after"));
          assert.equal(retryAfter, 1, "Meta counts per second: at most a second to wait");
        }
        return { sent, limited };
      };

      // As fast as this machine goes: whatever passes, never more than the governor allowed.
      const free = await burst("free");
      // A busy cron takes every text send it can while the people send: they wait their turn.
      // (It keeps taking, rather than filling one second, so a slow machine cannot outlast it.)
      let cronRunning = true;
      const cron = (async () => {
        while (cronRunning) {
          await ws
            .sql`select private.take_graph_calls(${thread.account.accountId}, 'send_text', 100)`;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const afterCron = await burst("beside a busy cron").finally(() => (cronRunning = false));
      await cron;
      assert.ok(afterCron.limited.length > 0, "the governor said no");

      const calls = await sentFrom(thread.account);
      assert.equal(
        calls.length,
        free.sent.length + afterCron.sent.length,
        "only what the governor let through reached Meta",
      );
      assert.ok(calls.every((call) => call.outcome.ok), "and Meta refused none (no 613)");
    } finally {
      await ws.close();
    }
  },
);
