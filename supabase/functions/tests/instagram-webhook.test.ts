import assert from "node:assert/strict";
import { readBodyWithin } from "../_shared/webhooks/bounded-body.ts";
import { createWebhookHandler } from "../_shared/webhooks/webhook-handler.ts";
import { connectSandboxAccount } from "../../../scripts/testing/connected-account.ts";
import { eventually } from "../../../scripts/testing/eventually.ts";
import { sandbox } from "../../../scripts/testing/meta-sandbox-client.ts";
import { platformEnv } from "../../../scripts/testing/platform-env.ts";
import { createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const CHUNK = 64 * 1024;

/** A body of `total` bytes handed out 64 KB at a time, no length declared; counts what was read. */
function chunkedBody(total: number) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
    },
  });
  return { stream, counter };
}

Deno.test(
  "GET verification echoes hub.challenge only for the right verify token",
  options,
  async () => {
    const base = `${platformEnv().url}/functions/v1/instagram-webhook`;
    const token = Deno.env.get("META_WEBHOOK_VERIFY_TOKEN")!;
    const ok = await fetch(
      `${base}?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`,
    );
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), "1158201444");
    const wrong = await fetch(
      `${base}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444`,
    );
    assert.equal(wrong.status, 403);
    await wrong.body?.cancel();
  },
);

Deno.test(
  "a lead's DM through the sandbox lands as an inbound message with its contact profile",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "webhook-smoke" });
    try {
      const account = await connectSandboxAccount(workspace);
      await sandbox(`accounts/${account.igAccountId}/subscriptions`, undefined, "GET").catch(() =>
        null
      );
      await sandbox(`accounts/${account.igAccountId}`, {
        subscribedFields: ["messages", "message_reactions", "messaging_seen"],
      }, "PATCH");
      const lead = await sandbox<{ id: string }>("leads", {
        username: "ana.candidata",
        name: "Ana Candidata",
        followerCount: 321,
      });
      const sent = await sandbox<
        { mid: string; igsid: string; delivery: { ok: boolean; status: number } }
      >(
        `leads/${lead.id}/messages`,
        {
          account: account.igAccountId,
          text: "Hola! Is the recruiter role still open? 🙌",
        },
      );
      assert.equal(sent.delivery.ok, true, JSON.stringify(sent.delivery));
      assert.equal(sent.delivery.status, 200);

      const message = await eventually(
        async () => {
          const [row] = await workspace.sql`
        select m.text, m.direction, m.author_kind, m.type, m.status, c.unread_count, c.can_reply_until, k.external_id
        from public.messages m join public.conversations c on c.id = m.conversation_id
        join public.contacts k on k.id = c.contact_id
        where m.channel_account_id = ${account.accountId} and m.external_id = ${sent.mid}`;
          return row;
        },
        "the message to be ingested",
        10_000,
      );
      assert.equal(message.text, "Hola! Is the recruiter role still open? 🙌");
      assert.deepEqual([message.direction, message.author_kind, message.type], [
        "inbound",
        "contact",
        "text",
      ]);
      assert.equal(message.unread_count, 1);
      assert.equal(message.external_id, sent.igsid);
      assert.ok(message.can_reply_until.getTime() > Date.now() + 23 * 3_600_000);

      const profile = await eventually(
        async () => {
          const [row] = await workspace.sql`
        select username, display_name, follower_count from public.contacts
        where channel_account_id = ${account.accountId} and profile_fetched_at is not null`;
          return row;
        },
        "the contact profile to be fetched",
        10_000,
      );
      assert.deepEqual({ ...profile }, {
        username: "ana.candidata",
        display_name: "Ana Candidata",
        follower_count: 321,
      });

      const [ledger] = await workspace.sql`
      select status, signature_valid from public.webhook_events where raw_body like ${`%${sent.mid}%`}`;
      assert.deepEqual({ ...ledger }, { status: "processed", signature_valid: true });
      // Settings › Channels shows when the account last heard from Meta
      const [seen] = await workspace.sql`
      select last_webhook_at from public.channel_accounts where id = ${account.accountId}`;
      assert.ok(seen!.last_webhook_at > new Date(Date.now() - 60_000), "last_webhook_at moved");
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "a missing or wrong signature is a 401, kept as a small rejection record, not in the ledger",
  options,
  async () => {
    const base = `${platformEnv().url}/functions/v1/instagram-webhook`;
    const body = JSON.stringify({
      object: "instagram",
      entry: [{ id: "1", time: Date.now(), messaging: [] }],
      marker: crypto.randomUUID(),
    });
    const unsigned = await fetch(base, {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
    });
    assert.equal(unsigned.status, 401);
    await unsigned.body?.cancel();
    const forged = await fetch(base, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": `sha256=${"ab".repeat(32)}`,
      },
    });
    assert.equal(forged.status, 401);
    assert.equal((await forged.json()).error.code, "invalid_signature");
    // a small record, not the body, and nothing in the ledger (instagram-webhook-rejections.test.ts
    // holds the bounds); recorded unless other tests filled this minute's rows meanwhile
    const digest = new Uint8Array(
      await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body)),
    );
    const hash = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
    const workspace = await createWorkspace({ label: "ledger-check" });
    try {
      const marker = JSON.parse(body).marker;
      const ledger = await workspace
        .sql`select 1 from public.webhook_events where raw_body like ${`%${marker}%`}`;
      assert.equal(ledger.length, 0);
      const rows = await workspace.sql<{ reason: string; body_bytes: number }[]>`
        select reason, body_bytes from public.webhook_rejections where body_sha256 = ${hash}
        order by id`;
      const reasons = [
        "missing X-Hub-Signature-256",
        "X-Hub-Signature-256 does not match the body",
      ];
      assert.ok(rows.length <= 2);
      for (const row of rows) {
        assert.ok(reasons.includes(row.reason), row.reason);
        assert.equal(row.body_bytes, body.length);
      }
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "an unsent message loses its text, and the inbox preview stops showing it",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "unsend" });
    try {
      const account = await connectSandboxAccount(workspace);
      await sandbox(`accounts/${account.igAccountId}`, { subscribedFields: ["messages"] }, "PATCH");
      const lead = await sandbox<{ id: string }>("leads", { username: "oops.sender" });
      const sent = await sandbox<{ mid: string }>(`leads/${lead.id}/messages`, {
        account: account.igAccountId,
        text: "my phone number is 555-0101",
      });
      await eventually(
        async () => {
          const [row] = await workspace
            .sql`select 1 from public.messages where external_id = ${sent.mid}`;
          return row;
        },
        "the message to arrive",
        10_000,
      );
      await sandbox(`leads/${lead.id}/deletions`, { account: account.igAccountId, mid: sent.mid });
      const unsent = await eventually(
        async () => {
          const [row] = await workspace.sql`
        select m.text, m.deleted_at, c.last_message_preview from public.messages m
        join public.conversations c on c.id = m.conversation_id
        where m.external_id = ${sent.mid} and m.deleted_at is not null`;
          return row;
        },
        "the unsend to be applied",
        10_000,
      );
      assert.equal(unsent.text, null);
      assert.equal(unsent.last_message_preview, "Unsent a message");
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "a chunked POST without Content-Length is refused with 413 once past 4 MB, the rest never read",
  options,
  async () => {
    // in process: exactly how much of the stream the function pulled
    const handler = createWebhookHandler(() => ({ verifyToken: "unused", appSecrets: ["unused"] }));
    const local = chunkedBody(64 * 1024 * 1024);
    const refused = await handler(
      new Request("http://function.local/instagram-webhook", {
        method: "POST",
        body: local.stream,
      }),
    );
    assert.equal(refused.status, 413);
    assert.equal((await refused.json()).error.code, "payload_too_large");
    // the chunk that crossed the limit, and at most one the stream queued ahead of the read
    assert.ok(local.counter.pulled <= MAX_BODY_BYTES + 2 * CHUNK, `${local.counter.pulled} read`);

    // through the gateway, as Meta (or anyone) would send it: chunked transfer encoding
    const remote = chunkedBody(64 * 1024 * 1024);
    const response = await fetch(`${platformEnv().url}/functions/v1/instagram-webhook`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: remote.stream,
      signal: AbortSignal.timeout(30_000),
    });
    assert.equal(response.status, 413);
    assert.equal((await response.json()).error.code, "payload_too_large");
    assert.ok(remote.counter.pulled < 64 * 1024 * 1024, `${remote.counter.pulled} sent`);

    // a chunked body within the limit is read whole
    const small = chunkedBody(MAX_BODY_BYTES - CHUNK);
    const read = await readBodyWithin(
      new Request("http://function.local/instagram-webhook", {
        method: "POST",
        body: small.stream,
      }),
      MAX_BODY_BYTES,
    );
    assert.equal(read.byteLength, MAX_BODY_BYTES - CHUNK);
  },
);
