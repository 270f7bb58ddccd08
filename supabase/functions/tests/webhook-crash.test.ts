/**
 * A processor that dies in the middle of a delivery: the ledger row is left failed with part of
 * the batch applied, and finishing it (the drain, or processing it again) must end in exactly the
 * rows a clean single run of the same batch leaves in another workspace.
 */
import assert from "node:assert/strict";
import { db } from "../_shared/db.ts";
import { processBatch } from "../_shared/webhooks/process-batch.ts";
import { processDelivery } from "../_shared/webhooks/process-delivery.ts";
import { connectSandboxAccount } from "../../../scripts/testing/connected-account.ts";
import { eventually } from "../../../scripts/testing/eventually.ts";
import {
  crashBatchEvents,
  envelope,
  mid,
  runDrain,
  snapshotAccount,
  T0,
} from "../../../scripts/testing/webhook-corpus.ts";
import { createWorkspace, type Workspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

/**
 * The row the webhook function writes before answering Meta, dated an hour ahead so that the
 * instagram-process-webhooks cron (which takes rows older than 5 s) leaves it to this test.
 */
async function storeDelivery(workspace: Workspace, account: string): Promise<number> {
  const body = JSON.stringify(envelope(account, crashBatchEvents(account), T0 + 3_600_000));
  const [row] = await workspace.sql<{ id: string }[]>`
    insert into public.webhook_events (platform, raw_body, headers, signature_valid, object, entry_ids, status, received_at)
    values ('instagram', ${body}, ${
    workspace.sql.json({ "content-type": "application/json" })
  }, true,
            'instagram', ${[account]}, 'received', now() + interval '1 hour')
    returning id`;
  return Number(row!.id);
}

async function ledgerRow(workspace: Workspace, id: number) {
  const [row] = await workspace.sql<
    { status: string; attempts: number; last_error: string | null; processed_at: Date | null }[]
  >`select status, attempts, last_error, processed_at from public.webhook_events where id = ${id}`;
  return { ...row! };
}

async function storedMids(workspace: Workspace, accountId: string) {
  const rows = await workspace.sql<{ external_id: string }[]>`
    select external_id from public.messages where channel_account_id = ${accountId} order by sent_at`;
  return rows.map((r) => r.external_id);
}

Deno.test(
  "a batch that dies before its commit leaves nothing applied, and the drain finishes it as a clean run does",
  options,
  async () => {
    const crashed = await createWorkspace({ label: "webhook-batch-crash" });
    const clean = await createWorkspace({ label: "webhook-batch-clean" });
    try {
      const crashedAccount = await connectSandboxAccount(crashed);
      const cleanAccount = await connectSandboxAccount(clean);
      // two deliveries of the same events in one batch: the second changes nothing
      const cleanIds = [
        await storeDelivery(clean, cleanAccount.igAccountId),
        await storeDelivery(clean, cleanAccount.igAccountId),
      ];
      const outcome = await processBatch(cleanIds);
      assert.equal(outcome.processed, 2);
      assert.equal(outcome.events, 2 * crashBatchEvents(cleanAccount.igAccountId).length);
      const expected = await snapshotAccount(clean.sql, cleanAccount.accountId);
      assert.equal(Object.keys(expected.messages).length, 12);
      assert.equal(expected.pending.length, 1, "the read of a message we never had stays parked");

      const ids = [
        await storeDelivery(crashed, crashedAccount.igAccountId),
        await storeDelivery(crashed, crashedAccount.igAccountId),
      ];
      await assert.rejects(
        processBatch(ids, { crashBeforeCommit: true }),
        /simulated crash before the commit/,
      );
      for (const id of ids) {
        assert.deepEqual(await ledgerRow(crashed, id), {
          status: "received",
          attempts: 0,
          last_error: null,
          processed_at: null,
        });
      }
      const nothing = await snapshotAccount(crashed.sql, crashedAccount.accountId);
      assert.deepEqual([nothing.contacts, nothing.messages, nothing.pending], [[], {}, []]);

      // the drain (what the cron calls) finishes both
      await crashed.sql`update public.webhook_events set received_at = now() - interval '1 minute'
        where id = any(${ids}::bigint[])`;
      await runDrain();
      for (const id of ids) {
        const finished = await eventually(
          async () => {
            const row = await ledgerRow(crashed, id);
            return row.status === "processed" ? row : null;
          },
          "the drain to finish the delivery",
          10_000,
        );
        assert.deepEqual([finished.attempts, finished.last_error], [1, null]);
      }
      const resumed = await snapshotAccount(crashed.sql, crashedAccount.accountId);
      assert.equal(JSON.stringify(resumed), JSON.stringify(expected));
    } finally {
      await crashed.close();
      await clean.close();
    }
  },
);

Deno.test(
  "a batch that rolls back leaves the account's last webhook time to the next batch, which sets it at once",
  options,
  async () => {
    const workspace = await createWorkspace({ label: "webhook-batch-seen" });
    try {
      const account = await connectSandboxAccount(workspace);
      const lastWebhookAt = async () =>
        (await workspace.sql<{ last_webhook_at: Date | null }[]>`
          select last_webhook_at from public.channel_accounts where id = ${account.accountId}`)[0]!
          .last_webhook_at;
      const ids = [await storeDelivery(workspace, account.igAccountId)];
      await assert.rejects(
        processBatch(ids, { crashBeforeCommit: true }),
        /simulated crash before the commit/,
      );
      assert.equal(await lastWebhookAt(), null, "the rollback undid it");

      // within the 10 s this process would skip an account it had moved: it never did
      const outcome = await processBatch(ids);
      assert.equal(outcome.processed, 1);
      assert.notEqual(await lastWebhookAt(), null);
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "a batch given the bodies it stored claims each ledger row once: one another processor finished is left to it",
  options,
  async () => {
    const workspace = await createWorkspace({ label: "webhook-batch-claim" });
    try {
      const account = await connectSandboxAccount(workspace);
      const total = crashBatchEvents(account.igAccountId).length;
      const bodies = async (ids: number[]) =>
        new Map(
          (await workspace.sql<{ id: string; raw_body: string }[]>`
            select id, raw_body from public.webhook_events where id = any(${ids}::bigint[])`)
            .map((row) => [Number(row.id), row.raw_body]),
        );

      // another processor (a drain's single pass) finishes the row first
      const taken = await storeDelivery(workspace, account.igAccountId);
      assert.equal((await processDelivery(taken)).status, "processed");
      const before = await snapshotAccount(workspace.sql, account.accountId);
      const late = await processBatch([taken], { bodies: await bodies([taken]) });
      assert.deepEqual([late.processed, late.events], [0, 0]);
      assert.deepEqual((await ledgerRow(workspace, taken)).attempts, 1);
      assert.deepEqual(await snapshotAccount(workspace.sql, account.accountId), before);

      // a row still received is claimed and processed, without reading its body back
      const fresh = await storeDelivery(workspace, account.igAccountId);
      const outcome = await processBatch([fresh], { bodies: await bodies([fresh]) });
      assert.deepEqual([outcome.processed, outcome.events], [1, total]);
      const finished = await ledgerRow(workspace, fresh);
      assert.deepEqual(
        [finished.status, finished.attempts, finished.last_error],
        ["processed", 1, null],
      );
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "a crash in the middle of a batch, finished by the drain, ends as a clean run does",
  options,
  async () => {
    const crashed = await createWorkspace({ label: "webhook-crash" });
    const clean = await createWorkspace({ label: "webhook-clean" });
    try {
      const crashedAccount = await connectSandboxAccount(crashed);
      const cleanAccount = await connectSandboxAccount(clean);
      const total = crashBatchEvents(crashedAccount.igAccountId).length;

      // the clean run: one pass, nothing in the way
      const cleanId = await storeDelivery(clean, cleanAccount.igAccountId);
      const outcome = await processDelivery(cleanId);
      assert.equal(outcome.status, "processed");
      assert.equal(outcome.events, total);
      const expected = await snapshotAccount(clean.sql, cleanAccount.accountId);
      assert.equal(Object.keys(expected.messages).length, 12);
      assert.equal(expected.pending.length, 1, "the read of a message we never had stays parked");

      // the crashed run: dies after 3 events
      const id = await storeDelivery(crashed, crashedAccount.igAccountId);
      await assert.rejects(
        processDelivery(id, { crashAfterEvents: 3 }),
        /simulated crash after 3 events/,
      );
      assert.deepEqual(await ledgerRow(crashed, id), {
        status: "failed",
        attempts: 1,
        last_error: "simulated crash after 3 events",
        processed_at: null,
      });
      assert.deepEqual(await storedMids(crashed, crashedAccount.accountId), [
        mid("ana.hello"),
        mid("hugo.hello"),
        mid("ben.image"),
      ]);
      const partial = await snapshotAccount(crashed.sql, crashedAccount.accountId);
      assert.deepEqual(partial.contacts, ["ana", "ben", "hugo"]);
      assert.equal(partial.conversations.ana!.unread_count, 1);

      // taken up again, it dies a second time further on, after parking the read
      await assert.rejects(
        processDelivery(id, { crashAfterEvents: 12 }),
        /simulated crash after 12 events/,
      );
      assert.deepEqual(await ledgerRow(crashed, id), {
        status: "failed",
        attempts: 2,
        last_error: "simulated crash after 12 events",
        processed_at: null,
      });
      assert.equal((await storedMids(crashed, crashedAccount.accountId)).length, 10);

      // the drain (what the cron calls) finishes it
      await crashed
        .sql`update public.webhook_events set received_at = now() - interval '1 minute' where id = ${id}`;
      await runDrain();
      const finished = await eventually(
        async () => {
          const row = await ledgerRow(crashed, id);
          return row.status === "processed" ? row : null;
        },
        "the drain to finish the delivery",
        10_000,
      );
      assert.equal(finished.attempts, 3);
      assert.equal(finished.last_error, null);

      const resumed = await snapshotAccount(crashed.sql, crashedAccount.accountId);
      assert.deepEqual(resumed, expected);
      assert.equal(JSON.stringify(resumed), JSON.stringify(expected));
    } finally {
      await crashed.close();
      await clean.close();
      await db().end();
    }
  },
);
