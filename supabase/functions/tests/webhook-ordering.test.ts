/**
 * Order and idempotency of webhook events that refer to a message (issue 12): the same events
 * delivered one by one in event order to one account and in reverse order to another must leave
 * the same rows; an event of a kind we do not apply is recorded and creates nothing; a redelivery
 * writes nothing; and parked events expire after 7 days, visible to an operator until deleted.
 */
import assert from "node:assert/strict";
import {
  eventBuilders,
  iso,
  mid,
  postSignedDelivery,
  snapshotAccount,
  waitForLedger,
} from "../../../scripts/testing/webhook-corpus.ts";
import { at as minute, IGSID } from "../../../scripts/testing/webhook-corpus.ts";
import { eventually } from "../../../scripts/testing/eventually.ts";
import { createWorkspace, type Workspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

/** A test body in a fresh workspace, removed afterwards. */
const inWorkspace = (label: string, test: (workspace: Workspace) => Promise<void>) => async () => {
  const workspace = await createWorkspace({ label });
  try {
    await test(workspace);
  } finally {
    await workspace.close();
  }
};

interface Account {
  id: string;
  /** the webhook entry.id Meta uses for it */
  external: string;
}

/** An Instagram account connected to the workspace (no token: no profile fetch, no Graph call). */
async function connectAccount(workspace: Workspace): Promise<Account> {
  const external = `1784${String(Math.floor(Math.random() * 1e13)).padStart(13, "0")}`;
  const [row] = await workspace.sql<{ id: string }[]>`
    insert into public.channel_accounts (imo_id, platform, auth_path, external_account_id, external_ids, username)
    values (${workspace.imoId}, 'instagram', 'instagram_login', ${external}, ${[]}::text[], 'ordering.account')
    returning id`;
  return { id: row!.id, external };
}

/** Each event in its own signed delivery, the next one only once the ledger has done the last. */
async function deliverOneByOne(workspace: Workspace, account: Account, events: unknown[]) {
  for (const event of events) {
    await postSignedDelivery(account.external, [event]);
    await waitForLedger(workspace.sql, [account.external]);
  }
}

/**
 * `events` delivered in event order to one account and in reverse to another, after `first` in
 * event order to both: both snapshots.
 */
async function bothOrders(
  workspace: Workspace,
  build: (account: string) => { first?: unknown[]; events: unknown[] },
) {
  const inOrder = await connectAccount(workspace);
  const reversed = await connectAccount(workspace);
  for (const [account, reverse] of [[inOrder, false], [reversed, true]] as const) {
    const { first = [], events } = build(account.external);
    await deliverOneByOne(workspace, account, [...first, ...(reverse ? events.reverse() : events)]);
  }
  return {
    inOrder: await snapshotAccount(workspace.sql, inOrder.id),
    reversed: await snapshotAccount(workspace.sql, reversed.id),
  };
}

Deno.test(
  "an unsend, an edit or a reply that arrives before its message ends as in event order",
  options,
  inWorkspace("webhook-order-changes", async (workspace) => {
    const { inOrder, reversed } = await bothOrders(workspace, (account) => {
      const e = eventBuilders(account);
      return {
        events: [
          e.text("ana", minute(0), "ana.hello", "Hola!"),
          e.echo("ana", minute(1), { mid: mid("ana.app"), text: "¡Hola Ana!" }),
          e.message("ana", minute(2), {
            mid: mid("ana.reply"),
            text: "Gracias",
            reply_to: { mid: mid("ana.app") },
          }),
          e.text("ana", minute(3), "ana.oops", "wrong chat 🙈"),
          e.unsend("ana", minute(4), "ana.oops"),
          e.text("ben", minute(5), "ben.typo", "Se you at 10"),
          e.edit("ben", minute(6), "ben.typo", "See you at 10", 1),
          // Meta's example writes num_edit as a string
          e.edit("ben", minute(7), "ben.typo", "See you at 11", "2"),
        ],
      };
    });
    assert.equal(inOrder.messages["ana.reply"]!.reply_to, "ana.app");
    assert.deepEqual(
      [inOrder.messages["ana.oops"]!.text, inOrder.messages["ana.oops"]!.deleted_at],
      [null, iso(4)],
    );
    assert.equal(inOrder.conversations.ana!.last_message_preview, "Unsent a message");
    assert.equal(inOrder.messages["ben.typo"]!.text, "See you at 11");
    assert.deepEqual(inOrder.messages["ben.typo"]!.edits, [
      { num_edit: 0, text: "Se you at 10", at: iso(5) },
      { num_edit: 1, text: "See you at 10", at: iso(6) },
      { num_edit: 2, text: "See you at 11", at: iso(7) },
    ]);
    assert.equal(inOrder.conversations.ben!.last_message_preview, "See you at 11");
    assert.deepEqual(inOrder.pending, []);
    assert.deepEqual(reversed, inOrder);
  }),
);

Deno.test(
  "an unreact before its older react leaves no reaction, and a read keeps its earliest time",
  options,
  inWorkspace("webhook-order-reactions", async (workspace) => {
    const { inOrder, reversed } = await bothOrders(workspace, (account) => {
      const e = eventBuilders(account);
      return {
        first: [
          e.text("ben", minute(0), "ben.hello", "Hello"),
          e.echo("ben", minute(1), { mid: mid("ben.app"), text: "Hi Ben" }),
          e.echo("ben", minute(2), { mid: mid("ben.app2"), text: "Are you free at 10?" }),
        ],
        events: [
          e.react("ben", minute(3), "ben.app", "love", "❤️"),
          e.unreact("ben", minute(4), "ben.app"),
          e.react("ben", minute(5), "ben.app2", "like", "👍"),
          e.react("ben", minute(6), "ben.app2", "other", "😂"),
          // the later read covers both messages; the earlier one only the first
          e.read("ben", minute(7), "ben.app"),
          e.read("ben", minute(8), "ben.app2"),
        ],
      };
    });
    assert.deepEqual(inOrder.messages["ben.app"]!.reactions, []);
    assert.deepEqual(inOrder.messages["ben.app2"]!.reactions, [
      { by: "contact", reaction: "other", emoji: "😂", at: iso(6) },
    ]);
    assert.deepEqual(
      [inOrder.messages["ben.app"]!.status, inOrder.messages["ben.app"]!.read_at],
      ["read", iso(7)],
    );
    assert.equal(inOrder.messages["ben.app2"]!.read_at, iso(8));
    assert.deepEqual(reversed, inOrder);
  }),
);

Deno.test(
  "an event of an unknown kind is recorded once and makes no contact or conversation",
  options,
  inWorkspace("webhook-unknown-kind", async (workspace) => {
    const account = await connectAccount(workspace);
    const handover = {
      sender: { id: IGSID.kim },
      recipient: { id: account.external },
      timestamp: minute(0),
      pass_thread_control: { new_owner_app_id: "123456789", metadata: "to the inbox app" },
    };
    await deliverOneByOne(workspace, account, [handover, handover]);
    const snapshot = await snapshotAccount(workspace.sql, account.id);
    assert.deepEqual(snapshot.contacts, []);
    assert.deepEqual(snapshot.conversations, {});
    const recorded = await workspace.sql`
      select kinds, event, occurred_at from public.webhook_unknown_events
      where channel_account_id = ${account.id}`;
    assert.deepEqual(recorded.map((r) => ({ ...r })), [{
      kinds: ["pass_thread_control"],
      event: handover,
      occurred_at: new Date(minute(0)),
    }]);
    const ledger = await workspace.sql`
      select status, last_error from public.webhook_events where entry_ids && ${[
      account.external,
    ]}::text[]`;
    assert.deepEqual(ledger.map((r) => ({ ...r })), [
      { status: "processed", last_error: null },
      { status: "processed", last_error: null },
    ]);

    const [job] = await workspace.sql<{ command: string; schedule: string }[]>`
      select command, schedule from cron.job where jobname = 'webhook-unknown-events-retention'`;
    assert.equal(job!.schedule, "23 3 * * *");
    await workspace
      .sql`update public.webhook_unknown_events set received_at = now() - interval '31 days'
      where channel_account_id = ${account.id}`;
    await workspace.sql.unsafe(job!.command);
    const [left] = await workspace.sql`
      select count(*)::int as n from public.webhook_unknown_events where channel_account_id = ${account.id}`;
    assert.equal(left!.n, 0);
  }),
);

/** Every row version of the account's contacts, conversations, messages and parked events, and the broadcasts. */
async function writes(workspace: Workspace, accountId: string) {
  const rows = await workspace.sql<{ row: string }[]>`
    select 'contact ' || external_id || ' ' || xmin::text as row from public.contacts
    where channel_account_id = ${accountId}
    union all
    select 'conversation ' || id || ' ' || xmin::text from public.conversations
    where channel_account_id = ${accountId}
    union all
    select 'message ' || external_id || ' ' || xmin::text from public.messages
    where channel_account_id = ${accountId}
    union all
    select 'parked ' || id || ' ' || xmin::text from public.webhook_pending_events
    where channel_account_id = ${accountId}
    order by 1`;
  const [broadcasts] = await workspace.sql<{ n: number }[]>`
    select count(*)::int as n from realtime.messages where topic = ${`imo:${workspace.imoId}`}`;
  return { rows: rows.map((r) => r.row), broadcasts: broadcasts!.n };
}

Deno.test(
  "a redelivery that changes nothing writes nothing: no row version, no broadcast",
  options,
  inWorkspace("webhook-redelivery", async (workspace) => {
    const account = await connectAccount(workspace);
    const e = eventBuilders(account.external);
    const events = [
      e.text("ana", minute(0), "ana.hello", "Hola!"),
      e.echo("ana", minute(1), { mid: mid("ana.app"), text: "¡Hola Ana!" }),
      e.message("ana", minute(2), {
        mid: mid("ana.reply"),
        text: "Gracias",
        reply_to: { mid: mid("ana.app") },
        referral: { ref: "spring", source: "ADS", type: "OPEN_THREAD" },
      }),
      e.react("ana", minute(3), "ana.app", "love", "❤️"),
      e.react("ana", minute(4), "ana.hello", "like", "👍"),
      e.unreact("ana", minute(5), "ana.hello"),
      e.read("ana", minute(6), "ana.app"),
      e.text("ana", minute(7), "ana.oops", "wrong chat"),
      e.unsend("ana", minute(8), "ana.oops"),
      e.text("ben", minute(9), "ben.typo", "Se you"),
      e.edit("ben", minute(10), "ben.typo", "See you", 1),
      e.postback("ben", minute(11), "ben.postback", "Apply now", "APPLY_NOW"),
      e.referral("ben", minute(12), { ref: "bio", source: "SHORTLINK", type: "OPEN_THREAD" }),
      e.react("ben", minute(13), "ben.later", "love", "❤️"),
    ];
    await deliverOneByOne(workspace, account, events);
    // the AI's analyses of the messages update their conversations: done before the baseline (the
    // drain deletes a job in the transaction that stores its analysis)
    await eventually(
      async () => {
        const [jobs] = await workspace.sql<{ n: number }[]>`
        select count(*)::int as n from public.ai_analysis_jobs where imo_id = ${workspace.imoId}`;
        return jobs!.n === 0;
      },
      "the AI has analysed the messages",
      90_000,
    );
    const before = await writes(workspace, account.id);
    const snapshot = await snapshotAccount(workspace.sql, account.id);
    // two contacts, their conversations, six messages and the reaction waiting for ben.later
    assert.equal(before.rows.length, 2 + 2 + 6 + 1);

    // Meta redelivers every event: one by one, then all at once in one delivery
    await deliverOneByOne(workspace, account, events);
    await postSignedDelivery(account.external, events);
    await waitForLedger(workspace.sql, [account.external]);
    assert.deepEqual(await writes(workspace, account.id), before);
    assert.deepEqual(await snapshotAccount(workspace.sql, account.id), snapshot);
  }),
);

Deno.test(
  "a parked event waits 7 days, then is kept for an operator but no longer applied, and deleted 30 days on",
  options,
  inWorkspace("webhook-parked-expiry", async (workspace) => {
    const account = await connectAccount(workspace);
    const e = eventBuilders(account.external);
    await deliverOneByOne(workspace, account, [
      e.react("ana", minute(2), "ana.app", "love", "❤️"),
      e.read("ana", minute(3), "ana.app2"),
    ]);
    const parked = await workspace.sql<{ kind: string; waits: string }[]>`
      select kind, (expires_at - created_at)::text as waits from public.webhook_pending_events
      where channel_account_id = ${account.id} order by kind`;
    assert.deepEqual(parked.map((p) => ({ ...p })), [
      { kind: "reaction", waits: "7 days" },
      { kind: "read", waits: "7 days" },
    ]);

    // the reaction waited too long; the read did not
    await workspace
      .sql`update public.webhook_pending_events set expires_at = now() - interval '1 minute'
      where channel_account_id = ${account.id} and kind = 'reaction'`;
    await deliverOneByOne(workspace, account, [
      e.echo("ana", minute(0), { mid: mid("ana.app"), text: "Hi Ana" }),
      e.echo("ana", minute(1), { mid: mid("ana.app2"), text: "Still there?" }),
    ]);
    const snapshot = await snapshotAccount(workspace.sql, account.id);
    assert.deepEqual(snapshot.messages["ana.app"]!.reactions, []);
    assert.equal(snapshot.messages["ana.app2"]!.read_at, iso(3));
    // what an operator sees (README, "Events waiting for their message")
    const expired = await workspace.sql`
      select external_message_id, kind from public.webhook_pending_events
      where channel_account_id = ${account.id} and expires_at <= now()`;
    assert.deepEqual(expired.map((r) => ({ ...r })), [
      { external_message_id: mid("ana.app"), kind: "reaction" },
    ]);

    const [job] = await workspace.sql<{ command: string; schedule: string }[]>`
      select command, schedule from cron.job where jobname = 'webhook-pending-events-expiry'`;
    assert.equal(job!.schedule, "17 3 * * *");
    await workspace.sql.unsafe(job!.command);
    const [kept] = await workspace.sql`
      select count(*)::int as n from public.webhook_pending_events where channel_account_id = ${account.id}`;
    assert.equal(kept!.n, 1, "expired a minute ago: still there for the operator");
    await workspace
      .sql`update public.webhook_pending_events set expires_at = now() - interval '31 days'
      where channel_account_id = ${account.id}`;
    await workspace.sql.unsafe(job!.command);
    const [left] = await workspace.sql`
      select count(*)::int as n from public.webhook_pending_events where channel_account_id = ${account.id}`;
    assert.equal(left!.n, 0);
  }),
);
