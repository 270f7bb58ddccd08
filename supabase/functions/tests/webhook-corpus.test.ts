/**
 * The webhook corpus (scripts/testing/webhook-corpus.ts) delivered through the Meta sandbox as
 * signed deliveries, then the exact rows ingestion left: every message, every conversation, the
 * contacts, the ledger and the parking table. Delivered a second time and a third time shuffled,
 * the snapshot must not move by a byte.
 */
import assert from "node:assert/strict";
import { connectSandboxAccount } from "../../../scripts/testing/connected-account.ts";
import { createSandboxAccount, sandbox } from "../../../scripts/testing/meta-sandbox-client.ts";
import {
  buildCorpus,
  type CorpusDelivery,
  IGSID,
  iso,
  mid,
  type Person,
  postSignedDelivery,
  type Snapshot,
  snapshotAccount,
  STORED_OUTBOUND,
  TEXT,
  URLS,
  waitForLedger,
} from "../../../scripts/testing/webhook-corpus.ts";
import { createWorkspace, type Workspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const DAY = 24 * 60;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface DeliverAnswer {
  delivery: { id: number; status: number | string; attempts: number; ok: boolean };
  body: string;
}

/** POSTs one corpus delivery through the sandbox (signed) and waits until the ledger has done it. */
async function deliver(
  workspace: Workspace,
  accounts: { main: string; unknown: string },
  delivery: CorpusDelivery,
  shuffle: boolean,
) {
  if (delivery.deliveredTwice) {
    // the fault matches this delivery's body only: other tests use the sandbox at the same time
    await sandbox("faults", {
      target: "webhook",
      kind: "duplicate_delivery",
      count: 1,
      match: escapeRegex(JSON.stringify(delivery.entries[0]!.events[0])),
    });
  }
  const answer = await sandbox<DeliverAnswer>("deliver", {
    entries: delivery.entries.map((entry) => ({
      account: accounts[entry.account],
      events: entry.events,
    })),
    batch: { ...delivery.batch, ...(shuffle ? { shuffle: true } : {}) },
    timestampSeconds: delivery.timestampSeconds ?? false,
  });
  assert.equal(answer.delivery.status, 200, `${delivery.label}: ${JSON.stringify(answer)}`);
  assert.equal(answer.delivery.attempts, 1, delivery.label);
  await waitForLedger(workspace.sql, [accounts.main, accounts.unknown]);
}

/** What every delivery of one run must have left in the ledger: its final status, signed. */
async function ledgerOfRun(workspace: Workspace, entryIds: string[], since: number) {
  const rows = await workspace.sql<
    { status: string; signature_valid: boolean; last_error: string | null; n: number }[]
  >`
    select status, signature_valid, last_error, count(*)::int as n from public.webhook_events
    where entry_ids && ${entryIds}::text[] and id > ${since}
    group by 1, 2, 3 order by 1, 3`;
  return rows.map((r) => ({ ...r }));
}

async function lastLedgerId(workspace: Workspace) {
  const [row] = await workspace.sql<{ id: string }[]>`
    select coalesce(max(id), 0)::text as id from public.webhook_events`;
  return Number(row!.id);
}

// ---------------------------------------------------------------------------------------------
// The expected rows, written out

const NO_LEAD = {
  lead_source_type: null,
  lead_source_ref: null,
  lead_source_ad_id: null,
  lead_source_referral: null,
  lead_source_at: null,
};

function conversation(
  lastAt: number,
  preview: string,
  direction: "inbound" | "outbound",
  unread: number,
  lastInbound: number,
  extra: Record<string, unknown> = {},
) {
  return {
    last_message_at: iso(lastAt),
    last_message_preview: preview,
    last_message_direction: direction,
    unread_count: unread,
    last_inbound_at: iso(lastInbound),
    can_reply_until: iso(lastInbound + DAY),
    human_agent_until: iso(lastInbound + 7 * DAY),
    only_story_mentions: false,
    ...NO_LEAD,
    ai_mode: "off",
    ai_takeover_until: null,
    ai_takeover_by: null,
    ...extra,
  };
}

const MESSAGE_DEFAULTS = {
  author: null,
  type: "text",
  text: null,
  edits: [],
  attachments: [],
  reactions: [],
  reply_to: null,
  reply_to_external_id: null,
  reply_to_story: null,
  quick_reply_payload: null,
  postback_payload: null,
  status: "sent",
  delivered_at: null,
  read_at: null,
  deleted_at: null,
  client_message_id: null,
  error_code: null,
};

const inbound = (
  contact: Person,
  minute: number | [number, number],
  fields: Record<string, unknown>,
) => ({
  ...MESSAGE_DEFAULTS,
  contact,
  direction: "inbound",
  author_kind: "contact",
  sent_at: Array.isArray(minute) ? iso(...minute) : iso(minute),
  ...fields,
});

const outbound = (
  contact: Person,
  minute: number,
  authorKind: "native_app" | "user",
  fields: Record<string, unknown>,
) => ({
  ...MESSAGE_DEFAULTS,
  contact,
  direction: "outbound",
  author_kind: authorKind,
  sent_at: iso(minute),
  ...fields,
});

const EXPECTED: Snapshot = {
  contacts: ["ana", "ben", "carolina", "dan", "eva", "farid", "grace", "hugo", "iris", "jonas"],
  conversations: {
    ana: conversation(56, "Ignore that 😅 When can we talk?", "inbound", 5, 56),
    ben: conversation(70, "Thanks! Talk soon 🙏", "inbound", 6, 70),
    carolina: conversation(4, TEXT.carolinaCombining, "inbound", 3, 4),
    dan: conversation(27, "Mentioned you in their story", "inbound", 1, 27, {
      only_story_mentions: true,
    }),
    eva: conversation(26, "Shared a reel", "inbound", 7, 26),
    farid: conversation(32, "Full-time ✅", "inbound", 2, 32, {
      lead_source_type: "SHORTLINK",
      lead_source_ref: "summer-hiring-2026",
      lead_source_ad_id: null,
      lead_source_referral: {
        ref: "summer-hiring-2026",
        source: "SHORTLINK",
        type: "OPEN_THREAD",
      },
      lead_source_at: iso(30),
    }),
    grace: conversation(
      33,
      "Hi! I saw your ad about the recruiter role in Austin and I would love to learn more about the team, the compensation and how the onboarding ",
      "inbound",
      1,
      33,
      {
        // the ad seen first wins over the ig.me link followed a minute later
        lead_source_type: "ADS",
        lead_source_ref: "spring-campaign",
        lead_source_ad_id: "120211234567890123",
        lead_source_referral: {
          ref: "spring-campaign",
          ad_id: "120211234567890123",
          source: "ADS",
          type: "OPEN_THREAD",
          ads_context_data: { ad_title: "Join our recruiting team", photo_url: URLS.adPhoto },
        },
        lead_source_at: iso(33),
      },
    ),
    hugo: conversation(40, TEXT.hugoApp, "outbound", 2, 35, {
      ai_mode: "supervised",
      // the reply typed in the app at :40 holds the AI off for 30 minutes
      ai_takeover_until: iso(70),
    }),
    iris: conversation(44, TEXT.irisApp2, "outbound", 1, 2),
    jonas: conversation(60, TEXT.jonasApp, "outbound", 1, 58),
  },
  messages: {
    "ana.app": outbound("ana", 45, "native_app", {
      text: TEXT.anaApp,
      // ❤️ at :47, changed to 😂 at :50: one reaction per person
      reactions: [{ by: "contact", reaction: "other", emoji: "😂", at: iso(50) }],
    }),
    "ana.app2": outbound("ana", 49, "native_app", { text: TEXT.anaApp2 }),
    "ana.hello": inbound("ana", 0, { text: TEXT.anaHello }),
    "ana.last": inbound("ana", 56, { text: TEXT.anaLast }),
    "ana.old-reply": inbound("ana", 48, {
      text: TEXT.anaOldReply,
      reply_to_external_id: "ana.never-delivered",
    }),
    "ana.oops": inbound("ana", 55, { deleted_at: iso(55, 30) }),
    "ana.reply": inbound("ana", 46, {
      text: TEXT.anaReply,
      reply_to: "ana.app",
      reply_to_external_id: "ana.app",
    }),
    "ben.audio": inbound("ben", 12, {
      type: "media",
      attachments: [{ type: "audio", url: URLS.benAudio }],
    }),
    "ben.file": inbound("ben", 13, {
      type: "media",
      attachments: [{ type: "file", url: URLS.benFile }],
    }),
    "ben.image": inbound("ben", 10, {
      type: "media",
      attachments: [{ type: "image", url: URLS.benImage }],
    }),
    "ben.photos": inbound("ben", 14, {
      type: "media",
      attachments: [{ type: "image", url: URLS.benPhoto1 }, { type: "image", url: URLS.benPhoto2 }],
    }),
    "ben.thanks": inbound("ben", 70, { text: TEXT.benThanks }),
    "ben.video": inbound("ben", 11, {
      type: "media",
      attachments: [{ type: "video", url: URLS.benVideo }],
    }),
    "carolina.arabic": inbound("carolina", 3, { text: TEXT.carolinaArabic }),
    "carolina.combining": inbound("carolina", 4, { text: TEXT.carolinaCombining }),
    "carolina.hebrew": inbound("carolina", [3, 30], { text: TEXT.carolinaHebrew }),
    "dan.mention": inbound("dan", 27, {
      type: "story_mention",
      attachments: [{ type: "story_mention", url: URLS.danMention }],
    }),
    "eva.ig-post": inbound("eva", 23, {
      type: "ig_post",
      attachments: [{
        type: "ig_post",
        ig_post_media_id: "18034567890123456",
        title: "We're hiring recruiters in Austin 🚀",
        url: URLS.evaPost,
      }],
    }),
    "eva.ig-reel": inbound("eva", 25, {
      type: "reel",
      attachments: [{
        type: "ig_reel",
        reel_video_id: "18056789012345678",
        title: "A day in the life of a recruiter",
        url: URLS.evaReel,
      }],
    }),
    "eva.mention": inbound("eva", 20, {
      type: "story_mention",
      attachments: [{ type: "story_mention", url: URLS.evaMention }],
    }),
    "eva.reel": inbound("eva", 26, {
      type: "reel",
      attachments: [{ type: "reel", url: URLS.evaLegacyReel }],
    }),
    "eva.share": inbound("eva", 22, {
      type: "share",
      attachments: [{ type: "share", url: URLS.evaShare }],
    }),
    "eva.share-pair": inbound("eva", 24, {
      type: "ig_post",
      attachments: [
        { type: "share", url: URLS.evaPairShare },
        {
          type: "ig_post",
          ig_post_media_id: "18045678901234567",
          title: "Meet the team 👋",
          url: URLS.evaPairPost,
        },
      ],
    }),
    "eva.story-reply": inbound("eva", 21, {
      type: "story_reply",
      text: TEXT.evaStoryReply,
      reply_to_story: { url: URLS.evaStory, id: "3412345678901234567" },
    }),
    "farid.postback": inbound("farid", 31, {
      type: "postback",
      text: "Apply now",
      postback_payload: "APPLY_NOW",
    }),
    "farid.quick-reply": inbound("farid", 32, {
      text: TEXT.faridQuickReply,
      quick_reply_payload: "AVAILABILITY_FULL_TIME",
    }),
    "grace.ad": inbound("grace", 33, { text: TEXT.graceAd }),
    "hugo.app": outbound("hugo", 40, "native_app", {
      text: TEXT.hugoApp,
      reply_to: "hugo.hello",
      reply_to_external_id: "hugo.hello",
    }),
    "hugo.hello": inbound("hugo", 1, { text: TEXT.hugoHello }),
    "hugo.unsupported": inbound("hugo", 35, { type: "unsupported" }),
    // the read at :43 covers every message of ours up to iris.ours, not the one after it
    "iris.app1": outbound("iris", 41, "native_app", {
      text: TEXT.irisApp1,
      status: "read",
      read_at: iso(43),
    }),
    "iris.app2": outbound("iris", 44, "native_app", { text: TEXT.irisApp2 }),
    "iris.hello": inbound("iris", 2, { text: TEXT.irisHello }),
    "iris.ours": outbound("iris", 42, "user", {
      author: "member",
      text: TEXT.irisOurs,
      status: "read",
      read_at: iso(43),
    }),
    // the reaction and the read arrived a delivery before the message: parked, then applied
    "jonas.app": outbound("jonas", 60, "native_app", {
      text: TEXT.jonasApp,
      reactions: [{ by: "contact", reaction: "love", emoji: "❤️", at: iso(61) }],
      status: "read",
      read_at: iso(62),
    }),
    "jonas.hello": inbound("jonas", 58, { text: TEXT.jonasHello }),
  },
  pending: [],
};

// ---------------------------------------------------------------------------------------------

Deno.test(
  "the webhook corpus lands as exactly the expected rows, and a redelivery changes nothing",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "webhook-corpus" });
    try {
      const account = await connectSandboxAccount(workspace);
      // an account that exists at Meta but that no workspace has connected
      const stranger = await createSandboxAccount({
        username: `stranger.${crypto.randomUUID().slice(0, 8)}`,
        loginPath: "instagram_login",
      });
      const accounts = { main: account.igAccountId, unknown: stranger.igAccountId };
      const entryIds = [accounts.main, accounts.unknown];
      const corpus = buildCorpus(accounts.main, accounts.unknown);
      const expectedLedger = (run: number) => {
        const processed = corpus.filter((d) => d.ledgerStatus === "processed").length +
          corpus.filter((d) => d.deliveredTwice).length;
        return [
          { status: "processed", signature_valid: true, last_error: null, n: processed },
          {
            status: "unknown_account",
            signature_valid: true,
            last_error: `no channel account for entry ${accounts.unknown}`,
            n: 1,
          },
        ].map((row) => ({ ...row, run }));
      };

      // first run, with the set-up a workspace would have done between deliveries
      let since = await lastLedgerId(workspace);
      for (const delivery of corpus) {
        await deliver(workspace, accounts, delivery, false);
        if (delivery === corpus[0]) await prepareThreads(workspace, account.accountId);
        if (delivery.label.startsWith("a reaction and a read before")) {
          // four copies of each event arrived (two deliveries, each event twice): parked once
          const parked = await workspace.sql`
            select external_message_id, kind, event from public.webhook_pending_events
            where channel_account_id = ${account.accountId} order by kind`;
          assert.deepEqual(parked.map((p) => ({ ...p })), [
            {
              external_message_id: mid("jonas.app"),
              kind: "reaction",
              event: {
                mid: mid("jonas.app"),
                action: "react",
                reaction: "love",
                emoji: "❤️",
                by: "contact",
              },
            },
            {
              external_message_id: mid("jonas.app"),
              kind: "read",
              event: { mid: mid("jonas.app") },
            },
          ]);
        }
      }
      assert.deepEqual(
        (await ledgerOfRun(workspace, entryIds, since)).map((r) => ({ ...r, run: 1 })),
        expectedLedger(1),
      );

      const first = await snapshotAccount(workspace.sql, account.accountId, workspace.userId);
      assert.deepEqual(first, EXPECTED);
      const [strangers] = await workspace.sql<{ contacts: number; messages: number }[]>`
        select (select count(*)::int from public.contacts where external_id = ${IGSID.kim}) as contacts,
               (select count(*)::int from public.messages
                where external_id in (${mid("kim.first")}, ${mid("kim.second")})) as messages`;
      assert.deepEqual({ ...strangers }, { contacts: 0, messages: 0 });

      // second run: the same deliveries again; third: every delivery shuffled
      for (const [run, shuffle] of [[2, false], [3, true]] as const) {
        since = await lastLedgerId(workspace);
        for (const delivery of corpus) await deliver(workspace, accounts, delivery, shuffle);
        assert.deepEqual(
          (await ledgerOfRun(workspace, entryIds, since)).map((r) => ({ ...r, run })),
          expectedLedger(run),
        );
        const again = await snapshotAccount(workspace.sql, account.accountId, workspace.userId);
        assert.equal(JSON.stringify(again), JSON.stringify(first), `run ${run} changed the rows`);
      }
    } finally {
      await workspace.close();
    }
  },
);

/**
 * What members do once the openers are in: Hugo's conversation is handed to the AI (supervised),
 * and a reply to Iris is stored as the send function stores one (pending, with its mid), so its
 * echo must find it instead of adding a second row.
 */
async function prepareThreads(workspace: Workspace, accountId: string) {
  const updated = await workspace.sql`
    update public.conversations c set ai_mode = 'supervised'
    from public.contacts k
    where k.id = c.contact_id and k.channel_account_id = ${accountId} and k.external_id = ${IGSID.hugo}
    returning c.id`;
  assert.equal(updated.length, 1);
  const inserted = await workspace.sql`
    insert into public.messages (imo_id, channel_account_id, conversation_id, external_id, direction,
      author_kind, author_user_id, type, text, status, sent_at)
    select c.imo_id, c.channel_account_id, c.id, ${STORED_OUTBOUND.mid}, 'outbound', 'user',
      ${workspace.userId}, 'text', ${STORED_OUTBOUND.text}, 'pending', ${STORED_OUTBOUND.sentAt}
    from public.conversations c join public.contacts k on k.id = c.contact_id
    where k.channel_account_id = ${accountId} and k.external_id = ${IGSID[STORED_OUTBOUND.person]}
    returning id`;
  assert.equal(inserted.length, 1);
}

Deno.test(
  "a reaction or a read racing its message in concurrent deliveries is never lost",
  options,
  async () => {
    const THREADS = 150;
    const workspace = await createWorkspace({ plan: "team", label: "webhook-race" });
    try {
      const account = await connectSandboxAccount(workspace);
      const post = (events: unknown[]) => postSignedDelivery(account.igAccountId, events);
      const igsid = (i: number) => `44${String(i).padStart(14, "0")}`;
      const t = Date.now();
      // the threads exist already: nothing else serialises the two deliveries below
      await post(Array.from({ length: THREADS }, (_, i) => ({
        sender: { id: igsid(i) },
        recipient: { id: account.igAccountId },
        timestamp: t,
        message: { mid: mid(`race.${i}.hello`), text: "hello" },
      })));
      await waitForLedger(workspace.sql, [account.igAccountId]);

      // our reply (its echo) and the contact's reaction and read of it, in two deliveries at once
      await Promise.all(Array.from({ length: THREADS }, (_, i) =>
        Promise.all([
          post([{
            sender: { id: account.igAccountId },
            recipient: { id: igsid(i) },
            timestamp: t + 1000,
            message: { mid: mid(`race.${i}.reply`), text: "hi!", is_echo: true },
          }]),
          post([
            {
              sender: { id: igsid(i) },
              recipient: { id: account.igAccountId },
              timestamp: t + 2000,
              reaction: {
                mid: mid(`race.${i}.reply`),
                action: "react",
                reaction: "love",
                emoji: "❤️",
              },
            },
            {
              sender: { id: igsid(i) },
              recipient: { id: account.igAccountId },
              timestamp: t + 3000,
              read: { mid: mid(`race.${i}.reply`) },
            },
          ]),
        ])));
      await waitForLedger(workspace.sql, [account.igAccountId]);

      const [outcome] = await workspace.sql<
        { replies: number; reacted: number; read: number; parked: number }[]
      >`
        select count(*)::int as replies,
          count(*) filter (where jsonb_array_length(reactions) = 1)::int as reacted,
          count(*) filter (where status = 'read' and read_at is not null)::int as read,
          (select count(*)::int from public.webhook_pending_events
           where channel_account_id = ${account.accountId}) as parked
        from public.messages
        where channel_account_id = ${account.accountId} and direction = 'outbound'`;
      assert.deepEqual({ ...outcome }, {
        replies: THREADS,
        reacted: THREADS,
        read: THREADS,
        parked: 0,
      });
    } finally {
      await workspace.close();
    }
  },
);
