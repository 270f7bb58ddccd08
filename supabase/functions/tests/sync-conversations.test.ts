import assert from "node:assert/strict";
import { eventually } from "../../../scripts/testing/eventually.ts";
import { createSandboxAccount, sandbox } from "../../../scripts/testing/meta-sandbox-client.ts";
import { connectThroughBrowser } from "../../../scripts/testing/oauth-browser.ts";
import { callFunction, createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "after connect, the Conversations API brings in what webhooks never delivered; a re-sync adds nothing",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "sync" });
    try {
      const account = await createSandboxAccount({
        username: `sync.${crypto.randomUUID().slice(0, 6)}`,
        loginPath: "instagram_login",
      });
      // before we are connected, two candidates write; their webhooks reach nobody (not subscribed)
      const leads = await Promise.all(
        ["lucia.sync", "omar.sync"].map((username) =>
          sandbox<{ id: string }>("leads", { username })
        ),
      );
      const first = await sandbox<{ mid: string; delivery: { ok: boolean } | null }>(
        `leads/${leads[0]!.id}/messages`,
        {
          account: account.igAccountId,
          text: "Hi! Saw your post about the licensing bootcamp",
        },
      );
      await sandbox(`leads/${leads[0]!.id}/messages`, {
        account: account.igAccountId,
        attachments: [{ type: "image" }],
      });
      await sandbox(`leads/${leads[1]!.id}/messages`, {
        account: account.igAccountId,
        text: "¿Tienen vacantes en Miami?",
      });
      assert.notEqual(first.delivery?.ok, true, "no webhook was delivered before the connection");

      const flow = await connectThroughBrowser(workspace, {
        authPath: "instagram_login",
        decision: "approve",
        account: account.igAccountId,
      });
      assert.equal(flow.outcome, "connected");

      const synced = await eventually(
        async () => {
          const rows = await workspace.sql`
        select m.external_id, m.type, m.text, m.direction from public.messages m
        join public.channel_accounts a on a.id = m.channel_account_id
        where a.imo_id = ${workspace.imoId} order by m.sent_at`;
          return rows.length === 3 ? rows : null;
        },
        "the background sync after connect",
        15_000,
      );
      // the Conversations API gives times to the second: compare as a set
      const byText = (a: unknown[], b: unknown[]) => String(a[1]).localeCompare(String(b[1]));
      assert.deepEqual(
        synced.map((r) => [r.type, r.text, r.direction]).sort(byText),
        [
          ["text", "Hi! Saw your post about the licensing bootcamp", "inbound"],
          ["media", null, "inbound"],
          ["text", "¿Tienen vacantes en Miami?", "inbound"],
        ].sort(byText),
      );
      assert.ok(synced.some((r) => r.external_id === first.mid), "stored under Meta's mid");
      const [{ count: conversations }] = await workspace.sql`
      select count(*)::int from public.conversations c join public.channel_accounts a on a.id = c.channel_account_id
      where a.imo_id = ${workspace.imoId}`;
      assert.equal(conversations, 2);

      const [{ id: accountId }] = await workspace
        .sql`select id from public.channel_accounts where imo_id = ${workspace.imoId}`;
      const again = await callFunction(workspace, "instagram-sync-conversations", {
        body: { account_id: accountId },
      });
      assert.equal(again.status, 200);
      assert.equal((await again.json()).conversations, 2);
      const [{ count: messages }] = await workspace
        .sql`select count(*)::int from public.messages where channel_account_id = ${accountId}`;
      assert.equal(messages, 3, "a second sync is idempotent");

      const stranger = await createWorkspace({ plan: "team", label: "sync-stranger" });
      try {
        const refused = await callFunction(stranger, "instagram-sync-conversations", {
          body: { account_id: accountId },
        });
        assert.equal(refused.status, 404);
        await refused.body?.cancel();
      } finally {
        await stranger.close();
      }
    } finally {
      await workspace.close();
    }
  },
);
