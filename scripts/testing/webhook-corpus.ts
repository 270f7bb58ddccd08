/**
 * A corpus of Instagram messaging webhook events (docs/meta-platform.md §3) for ingestion tests: every
 * kind of event DM Desk stores, in deliveries shaped the way Meta sends them (several events per
 * entry, several entries, duplicates, out of order, both timestamp units), plus a canonical
 * snapshot of what ingestion made of them, with ids replaced by mids and contact labels so that
 * two runs (or two workspaces) compare as plain JSON.
 */
import type postgres from "postgres";
import { platformEnv } from "./platform-env.ts";

/** 2026-03-02T09:00:00Z: every event time is an offset from here, so expectations are literal. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
/** milliseconds since the epoch, as Meta's messaging examples use */
export const at = (minutes: number, seconds = 0) => T0 + minutes * 60_000 + seconds * 1000;
/** seconds since the epoch, as Meta's other Graph examples use (§3 "Timestamp units") */
export const secs = (minutes: number, seconds = 0) => at(minutes, seconds) / 1000;
export const iso = (minutes: number, seconds = 0) => new Date(at(minutes, seconds)).toISOString();

/** Instagram mids are base64 of `ig_item:1:IGMessageID:<account>:<thread>:<item>`; ours end in a label. */
export const MID_PREFIX = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAw";
export const mid = (label: string) => `${MID_PREFIX}.${label}`;
const midLabel = (value: string | null) =>
  value === null
    ? null
    : value.startsWith(`${MID_PREFIX}.`)
    ? value.slice(MID_PREFIX.length + 1)
    : `foreign:${value}`;

/** Instagram-scoped ids of the people who write to the account, by the label the snapshot uses. */
export const IGSID = {
  ana: "1254459154682919",
  ben: "6624580271138451",
  carolina: "7102938475610293",
  dan: "5318008422196077",
  eva: "2947561038475610",
  farid: "8836104729563812",
  grace: "4419283746501928",
  hugo: "3390182745561029",
  iris: "9182736450918273",
  jonas: "6071829304756182",
  /** writes to an account no workspace has connected */
  kim: "1029384756102938",
} as const;
export type Person = keyof typeof IGSID;
const personOf = (
  igsid: string,
) => (Object.entries(IGSID).find(([, id]) => id === igsid)?.[0] ?? `foreign:${igsid}`);

const cdn = (asset: string, extra = "") =>
  `https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=${asset}&signature=AbFq3x9Kd2${extra}`;

/** Texts with the characters that break naive code: emoji sequences, RTL, combining marks. */
export const TEXT = {
  anaHello: "Hola! ¿Sigue abierta la vacante de reclutador? 🙌🏽",
  hugoHello: "Hi! Is the remote role still open? 👩‍💻",
  irisHello: "Bonjour 👋 je suis intéressée par le poste",
  carolinaArabic: "مرحبا! هل ما زالت الوظيفة متاحة؟ 🌟",
  carolinaHebrew: "שלום, אני מעוניינת במשרה (part-time)",
  // NFD on purpose: e + U+0308, e + U+0301; must be stored as sent, not normalised
  carolinaCombining: "Zoe\u0308 Ame\u0301lie here \u2014 cafe\u0301 at 10? \u2714\ufe0e",
  evaStoryReply: "Love this! 😍 Are you still hiring?",
  faridQuickReply: "Full-time ✅",
  graceAd:
    "Hi! I saw your ad about the recruiter role in Austin and I would love to learn more about the team, the compensation and how the onboarding works for new people",
  hugoApp: "Hey Hugo! Yes, it is — can you send your CV? 📄",
  irisApp1: "Merci Iris ! On vous rappelle demain.",
  irisOurs: "Here is the link to book a call: https://cal.example/dmdesk",
  irisApp2: "Petit rappel : entretien à 10h 🗓️",
  anaApp: "¡Sí! Te escribo en un momento",
  anaReply: "Perfecto, gracias 🙏",
  anaOldReply: "(respondiendo a un mensaje antiguo)",
  anaApp2: "Te mando el formulario ahora",
  anaOops: "oops, wrong chat 🙈",
  anaLast: "Ignore that 😅\n\nWhen can we talk?",
  jonasHello: "Hello! Saw the job post 👀",
  jonasApp: "Hi Jonas, thanks for reaching out!",
  benThanks: "Thanks!\n\n  Talk soon 🙏",
  kim: "This account is not connected anywhere",
} as const;

export const URLS = {
  benImage: cdn("17912345678901234"),
  benVideo: cdn("17923456789012345"),
  benAudio: cdn("17934567890123456"),
  benFile: cdn("17945678901234567", "&filename=CV_Ben_Okafor.pdf"),
  benPhoto1: cdn("17956789012345678"),
  benPhoto2: cdn("17967890123456789"),
  evaMention: cdn("17978901234567890"),
  evaStory: cdn("17989012345678901"),
  evaShare: "https://www.instagram.com/p/C4xYzAbCdEf/",
  evaPost: "https://www.instagram.com/p/C5aBcDeFgHi/",
  evaPairShare: cdn("18045678901234567"),
  evaPairPost: "https://www.instagram.com/p/C5jKlMnOpQr/",
  evaReel: cdn("18056789012345678"),
  evaLegacyReel: "https://www.instagram.com/reel/C6dEfGhIjKl/",
  danMention: cdn("17990123456789012"),
  adPhoto: "https://scontent.xx.fbcdn.net/v/t45.1600-4/ad_photo_120211234567890123.jpg",
} as const;

export const REFERRALS = {
  faridLink: { ref: "summer-hiring-2026", source: "SHORTLINK", type: "OPEN_THREAD" },
  graceAd: {
    ref: "spring-campaign",
    ad_id: "120211234567890123",
    source: "ADS",
    type: "OPEN_THREAD",
    ads_context_data: { ad_title: "Join our recruiting team", photo_url: URLS.adPhoto },
  },
  graceLater: { ref: "bio-link", source: "SHORTLINK", type: "OPEN_THREAD" },
} as const;

/** The outbound message the test stores itself (as a send would) before its echo arrives. */
export const STORED_OUTBOUND = {
  person: "iris" as Person,
  mid: mid("iris.ours"),
  text: TEXT.irisOurs,
  sentAt: new Date(at(42)),
};

export interface CorpusEntry {
  account: "main" | "unknown";
  events: unknown[];
}

export interface CorpusDelivery {
  label: string;
  entries: CorpusEntry[];
  batch?: { duplicate?: boolean; shuffle?: boolean };
  /** the sandbox's entry.time unit for this delivery */
  timestampSeconds?: boolean;
  /** the same bytes are POSTed twice (the sandbox's duplicate_delivery fault): at-least-once */
  deliveredTwice?: boolean;
  /** what every ledger row of this delivery must end as */
  ledgerStatus: "processed" | "unknown_account";
}

/** Builds events addressed to the connected account `account` (its webhook entry.id). */
export function eventBuilders(account: string) {
  const from = (person: Person, timestamp: number, body: Record<string, unknown>) => ({
    sender: { id: IGSID[person] },
    recipient: { id: account },
    timestamp,
    ...body,
  });
  return {
    message: (person: Person, timestamp: number, message: Record<string, unknown>) =>
      from(person, timestamp, { message }),
    text: (person: Person, timestamp: number, label: string, text: string) =>
      from(person, timestamp, { message: { mid: mid(label), text } }),
    attachments: (
      person: Person,
      timestamp: number,
      label: string,
      attachments: { type: string; payload: Record<string, unknown> }[],
    ) => from(person, timestamp, { message: { mid: mid(label), attachments } }),
    /** what Meta sends for a message the account sent (from the app or the Send API) */
    echo: (person: Person, timestamp: number, message: Record<string, unknown>) => ({
      sender: { id: account },
      recipient: { id: IGSID[person] },
      timestamp,
      message: { ...message, is_echo: true },
    }),
    react: (person: Person, timestamp: number, label: string, reaction: string, emoji: string) =>
      from(person, timestamp, {
        reaction: { mid: mid(label), action: "react", reaction, emoji },
      }),
    unreact: (person: Person, timestamp: number, label: string) =>
      from(person, timestamp, { reaction: { mid: mid(label), action: "unreact" } }),
    read: (person: Person, timestamp: number, label: string) =>
      from(person, timestamp, { read: { mid: mid(label) } }),
    postback: (person: Person, timestamp: number, label: string, title: string, payload: string) =>
      from(person, timestamp, { postback: { mid: mid(label), title, payload } }),
    referral: (person: Person, timestamp: number, referral: Record<string, unknown>) =>
      from(person, timestamp, { referral }),
    unsend: (person: Person, timestamp: number, label: string) =>
      from(person, timestamp, { message: { mid: mid(label), is_deleted: true } }),
    /** Messenger's `message_edit`, seen on Instagram too; Meta's example has num_edit as a string */
    edit: (
      person: Person,
      timestamp: number,
      label: string,
      text: string,
      numEdit: number | string,
    ) => from(person, timestamp, { message_edit: { mid: mid(label), text, num_edit: numEdit } }),
  };
}

/**
 * The corpus, in first-run order. Between "openers" and the rest the test sets Hugo's
 * conversation to ai_mode 'supervised' and stores STORED_OUTBOUND (both need the conversations
 * the openers create).
 */
export function buildCorpus(account: string, unknownAccount: string): CorpusDelivery[] {
  const e = eventBuilders(account);
  const kim = (timestamp: number, label: string) => ({
    sender: { id: IGSID.kim },
    recipient: { id: unknownAccount },
    timestamp,
    message: { mid: mid(label), text: TEXT.kim },
  });
  return [
    {
      label: "openers: two entries, every event twice",
      entries: [
        {
          account: "main",
          events: [
            e.text("ana", at(0), "ana.hello", TEXT.anaHello),
            e.text("hugo", at(1), "hugo.hello", TEXT.hugoHello),
          ],
        },
        { account: "main", events: [e.text("iris", at(2), "iris.hello", TEXT.irisHello)] },
      ],
      batch: { duplicate: true },
      ledgerStatus: "processed",
    },
    {
      label: "right-to-left and combining characters, timestamps in seconds",
      entries: [{
        account: "main",
        events: [
          e.text("carolina", secs(4), "carolina.combining", TEXT.carolinaCombining),
          e.text("carolina", secs(3), "carolina.arabic", TEXT.carolinaArabic),
          e.text("carolina", secs(3, 30), "carolina.hebrew", TEXT.carolinaHebrew),
        ],
      }],
      timestampSeconds: true,
      ledgerStatus: "processed",
    },
    {
      label: "attachments in two entries, the whole delivery POSTed twice",
      entries: [
        {
          account: "main",
          events: [
            e.attachments("ben", at(10), "ben.image", [{
              type: "image",
              payload: { url: URLS.benImage },
            }]),
            e.attachments("ben", at(11), "ben.video", [{
              type: "video",
              payload: { url: URLS.benVideo },
            }]),
          ],
        },
        {
          account: "main",
          events: [
            e.attachments("ben", at(13), "ben.file", [{
              type: "file",
              payload: { url: URLS.benFile },
            }]),
            e.attachments("ben", at(12), "ben.audio", [{
              type: "audio",
              payload: { url: URLS.benAudio },
            }]),
            e.attachments("ben", at(14), "ben.photos", [
              { type: "image", payload: { url: URLS.benPhoto1 } },
              { type: "image", payload: { url: URLS.benPhoto2 } },
            ]),
          ],
        },
      ],
      deliveredTwice: true,
      ledgerStatus: "processed",
    },
    {
      label: "stories, shares, posts and reels, shuffled",
      entries: [{
        account: "main",
        events: [
          e.attachments("eva", at(20), "eva.mention", [{
            type: "story_mention",
            payload: { url: URLS.evaMention },
          }]),
          e.message("eva", at(21), {
            mid: mid("eva.story-reply"),
            text: TEXT.evaStoryReply,
            reply_to: { story: { url: URLS.evaStory, id: "3412345678901234567" } },
          }),
          e.attachments("eva", at(22), "eva.share", [{
            type: "share",
            payload: { url: URLS.evaShare },
          }]),
          e.attachments("eva", at(23), "eva.ig-post", [{
            type: "ig_post",
            payload: {
              ig_post_media_id: "18034567890123456",
              title: "We're hiring recruiters in Austin 🚀",
              url: URLS.evaPost,
            },
          }]),
          // since Nov 3, 2025 a post share carries both (§3)
          e.attachments("eva", at(24), "eva.share-pair", [
            { type: "share", payload: { url: URLS.evaPairShare } },
            {
              type: "ig_post",
              payload: {
                ig_post_media_id: "18045678901234567",
                title: "Meet the team 👋",
                url: URLS.evaPairPost,
              },
            },
          ]),
          e.attachments("eva", at(25), "eva.ig-reel", [{
            type: "ig_reel",
            payload: {
              reel_video_id: "18056789012345678",
              title: "A day in the life of a recruiter",
              url: URLS.evaReel,
            },
          }]),
          e.attachments("eva", at(26), "eva.reel", [{
            type: "reel",
            payload: { url: URLS.evaLegacyReel },
          }]),
          e.attachments("dan", at(27), "dan.mention", [{
            type: "story_mention",
            payload: { url: URLS.danMention },
          }]),
        ],
      }],
      batch: { shuffle: true },
      ledgerStatus: "processed",
    },
    {
      label: "lead sources, buttons, unsupported",
      entries: [{
        account: "main",
        events: [
          e.referral("farid", at(30), REFERRALS.faridLink),
          e.postback("farid", at(31), "farid.postback", "Apply now", "APPLY_NOW"),
          e.message("farid", at(32), {
            mid: mid("farid.quick-reply"),
            text: TEXT.faridQuickReply,
            quick_reply: { payload: "AVAILABILITY_FULL_TIME" },
          }),
          e.message("grace", at(33), {
            mid: mid("grace.ad"),
            text: TEXT.graceAd,
            referral: REFERRALS.graceAd,
          }),
          e.referral("grace", at(34), REFERRALS.graceLater),
          e.message("hugo", at(35), { mid: mid("hugo.unsupported"), is_unsupported: true }),
        ],
      }],
      ledgerStatus: "processed",
    },
    {
      label: "echoes: typed in the app, and of the message we stored; a read",
      entries: [{
        account: "main",
        events: [
          e.echo("hugo", at(40), {
            mid: mid("hugo.app"),
            text: TEXT.hugoApp,
            reply_to: { mid: mid("hugo.hello") },
          }),
          e.echo("iris", at(41), { mid: mid("iris.app1"), text: TEXT.irisApp1 }),
          e.echo("iris", at(42, 2), { mid: STORED_OUTBOUND.mid, text: TEXT.irisOurs }),
          e.read("iris", at(43), "iris.ours"),
          e.echo("iris", at(44), { mid: mid("iris.app2"), text: TEXT.irisApp2 }),
          e.echo("ana", at(45), { mid: mid("ana.app"), text: TEXT.anaApp }),
        ],
      }],
      ledgerStatus: "processed",
    },
    {
      label: "replies and reactions",
      entries: [{
        account: "main",
        events: [
          e.message("ana", at(46), {
            mid: mid("ana.reply"),
            text: TEXT.anaReply,
            reply_to: { mid: mid("ana.app") },
          }),
          e.react("ana", at(47), "ana.app", "love", "❤️"),
          e.message("ana", at(48), {
            mid: mid("ana.old-reply"),
            text: TEXT.anaOldReply,
            reply_to: { mid: mid("ana.never-delivered") },
          }),
          e.echo("ana", at(49), { mid: mid("ana.app2"), text: TEXT.anaApp2 }),
        ],
      }],
      ledgerStatus: "processed",
    },
    {
      label: "a reaction changed, another removed",
      entries: [{
        account: "main",
        events: [
          e.react("ana", at(50), "ana.app", "other", "😂"),
          e.react("ana", at(51), "ana.app2", "like", "👍"),
          e.unreact("ana", at(52), "ana.app2"),
        ],
      }],
      ledgerStatus: "processed",
    },
    {
      label: "an unsend, in seconds, beside messages in milliseconds",
      entries: [{
        account: "main",
        events: [
          e.text("ana", at(55), "ana.oops", TEXT.anaOops),
          e.unsend("ana", secs(55, 30), "ana.oops"),
          e.text("ana", at(56), "ana.last", TEXT.anaLast),
        ],
      }],
      ledgerStatus: "processed",
    },
    {
      label: "a reaction and a read before the message they refer to, twice, POSTed twice",
      entries: [{
        account: "main",
        events: [
          e.react("jonas", at(61), "jonas.app", "love", "❤️"),
          e.read("jonas", at(62), "jonas.app"),
        ],
      }],
      batch: { duplicate: true },
      deliveredTwice: true,
      ledgerStatus: "processed",
    },
    {
      label: "the messages arrive late, twice each",
      entries: [{
        account: "main",
        events: [
          e.echo("jonas", at(60), { mid: mid("jonas.app"), text: TEXT.jonasApp }),
          e.text("jonas", at(58), "jonas.hello", TEXT.jonasHello),
        ],
      }],
      batch: { duplicate: true },
      ledgerStatus: "processed",
    },
    {
      label: "one entry of ours, one of an account nobody connected",
      entries: [
        { account: "main", events: [e.text("ben", at(70), "ben.thanks", TEXT.benThanks)] },
        { account: "unknown", events: [kim(at(70), "kim.first")] },
      ],
      ledgerStatus: "processed",
    },
    {
      label: "only an account nobody connected",
      entries: [{ account: "unknown", events: [kim(at(71), "kim.second")] }],
      ledgerStatus: "unknown_account",
    },
    {
      label: "Meta redelivers earlier events",
      entries: [{
        account: "main",
        events: [
          e.text("ana", at(0), "ana.hello", TEXT.anaHello),
          e.attachments("ben", at(10), "ben.image", [{
            type: "image",
            payload: { url: URLS.benImage },
          }]),
          e.react("jonas", at(61), "jonas.app", "love", "❤️"),
          e.read("iris", at(43), "iris.ours"),
          e.echo("hugo", at(40), {
            mid: mid("hugo.app"),
            text: TEXT.hugoApp,
            reply_to: { mid: mid("hugo.hello") },
          }),
        ],
      }],
      ledgerStatus: "processed",
    },
  ];
}

/** Every kind of event and message the corpus holds, for the report and a coverage check. */
export const COVERAGE = [
  "text: emoji with skin tone and ZWJ sequences, Arabic and Hebrew (RTL), NFD combining marks, newlines",
  "attachments: image, video, audio, file, two images in one message",
  "share (legacy post share), ig_post with ig_post_media_id/title/url, share + ig_post pair (Nov 2025)",
  "ig_reel and reel",
  "story_mention (a thread holding only one, and one followed by other messages)",
  "story reply (reply_to.story {url,id})",
  "reply to a message (reply_to.mid): resolved, from an echo, and to a mid never delivered",
  "quick_reply, postback, is_unsupported",
  "is_deleted of an earlier message (unsend in seconds beside ms messages in the same entry)",
  "echo typed in the Instagram app (native_app; takes over from the AI when ai_mode is not off)",
  "echo of a message we stored (pending → sent, no duplicate)",
  "reaction react, changed, unreact (by the contact)",
  "read of our message (marks outbound messages up to it)",
  "a reaction and a read before their message (parked, then applied)",
  "standalone referral (ig.me link) and message-level ad referral; a later referral ignored",
  "timestamps in ms and in seconds",
  "several entries per delivery, duplicated events, shuffled events, a delivery POSTed twice",
  "an entry for an unknown account beside ours, and a delivery only for an unknown account",
  "redelivery of earlier events",
] as const;

// ---------------------------------------------------------------------------------------------
// Canonical snapshot

type Row = Record<string, unknown>;
const stamp = (value: unknown) => (value instanceof Date ? value.toISOString() : value ?? null);

export interface Snapshot {
  contacts: string[];
  conversations: Record<string, Row>;
  messages: Record<string, Row>;
  pending: Row[];
}

/**
 * What ingestion left for one channel account, with uuids replaced by what Meta knows (mids,
 * contact labels) and keys sorted, so that JSON.stringify of two snapshots is comparable.
 */
export async function snapshotAccount(
  sql: postgres.Sql,
  accountId: string,
  memberId?: string,
): Promise<Snapshot> {
  const contacts = await sql<{ external_id: string }[]>`
    select external_id from public.contacts where channel_account_id = ${accountId}`;
  const conversations = await sql<Row[]>`
    select k.external_id as contact, c.last_message_at, c.last_message_preview, c.last_message_direction,
      c.unread_count, c.last_inbound_at, c.can_reply_until, c.human_agent_until, c.only_story_mentions,
      c.lead_source_type, c.lead_source_ref, c.lead_source_ad_id, c.lead_source_referral, c.lead_source_at,
      c.ai_mode, c.ai_takeover_until, c.ai_takeover_by
    from public.conversations c join public.contacts k on k.id = c.contact_id
    where c.channel_account_id = ${accountId}`;
  const messages = await sql<Row[]>`
    select m.external_id, k.external_id as contact, m.direction, m.author_kind, m.author_user_id, m.type,
      m.text, m.edits, m.attachments, m.reactions, r.external_id as reply_to, m.reply_to_external_id, m.reply_to_story,
      m.quick_reply_payload, m.postback_payload, m.status, m.sent_at, m.delivered_at, m.read_at,
      m.deleted_at, m.client_message_id, m.error_code
    from public.messages m
    join public.conversations c on c.id = m.conversation_id
    join public.contacts k on k.id = c.contact_id
    left join public.messages r on r.id = m.reply_to_message_id
    where m.channel_account_id = ${accountId}`;
  const pending = await sql<Row[]>`
    select external_message_id, kind, event, occurred_at from public.webhook_pending_events
    where channel_account_id = ${accountId}`;

  const sorted = <T>(entries: [string, T][]) =>
    Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    contacts: contacts.map((c) => personOf(c.external_id)).sort(),
    conversations: sorted(conversations.map((c) => [personOf(String(c.contact)), {
      last_message_at: stamp(c.last_message_at),
      last_message_preview: c.last_message_preview,
      last_message_direction: c.last_message_direction,
      unread_count: c.unread_count,
      last_inbound_at: stamp(c.last_inbound_at),
      can_reply_until: stamp(c.can_reply_until),
      human_agent_until: stamp(c.human_agent_until),
      only_story_mentions: c.only_story_mentions,
      lead_source_type: c.lead_source_type,
      lead_source_ref: c.lead_source_ref,
      lead_source_ad_id: c.lead_source_ad_id,
      lead_source_referral: c.lead_source_referral,
      lead_source_at: stamp(c.lead_source_at),
      ai_mode: c.ai_mode,
      ai_takeover_until: stamp(c.ai_takeover_until),
      ai_takeover_by: c.ai_takeover_by,
    }])),
    messages: sorted(messages.map((m) => [String(midLabel(String(m.external_id))), {
      contact: personOf(String(m.contact)),
      direction: m.direction,
      author_kind: m.author_kind,
      author: m.author_user_id === null ? null : m.author_user_id === memberId ? "member" : "other",
      type: m.type,
      text: m.text,
      edits: m.edits,
      attachments: m.attachments,
      reactions: m.reactions,
      reply_to: midLabel(m.reply_to as string | null),
      reply_to_external_id: midLabel(m.reply_to_external_id as string | null),
      reply_to_story: m.reply_to_story,
      quick_reply_payload: m.quick_reply_payload,
      postback_payload: m.postback_payload,
      status: m.status,
      sent_at: stamp(m.sent_at),
      delivered_at: stamp(m.delivered_at),
      read_at: stamp(m.read_at),
      deleted_at: stamp(m.deleted_at),
      client_message_id: m.client_message_id,
      error_code: m.error_code,
    }])),
    pending: pending.map((p) => ({
      message: midLabel(String(p.external_message_id)),
      kind: p.kind,
      event: p.event,
      occurred_at: stamp(p.occurred_at),
    })).sort((a, b) => JSON.stringify(a) < JSON.stringify(b) ? -1 : 1),
  };
}

// ---------------------------------------------------------------------------------------------
// Signing and the ledger

/** `sha256=<hex>` over the exact bytes, as Meta signs deliveries (§3). */
export async function metaSignature(secret: string, body: Uint8Array): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(
    await crypto.subtle.sign("HMAC", key, body as Uint8Array<ArrayBuffer>),
  );
  return `sha256=${Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** `{"object":"instagram","entry":[...]}` for raw events of one account. */
export function envelope(account: string, events: unknown[], time = Date.now()) {
  return { object: "instagram", entry: [{ id: account, time, messaging: events }] };
}

/**
 * POSTs `events` of one account to instagram-webhook, signed with the Instagram app secret as Meta
 * signs them, and fails unless the answer is the 200 Meta expects.
 */
export async function postSignedDelivery(account: string, events: unknown[]): Promise<void> {
  const body = new TextEncoder().encode(JSON.stringify(envelope(account, events)));
  const response = await fetch(`${platformEnv().url}/functions/v1/instagram-webhook`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-hub-signature-256": await metaSignature(Deno.env.get("INSTAGRAM_APP_SECRET")!, body),
    },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`delivery answered ${response.status}: ${text}`);
}

/** Calls instagram-process-webhooks as its cron does (service role) and answers what it did. */
export async function runDrain(): Promise<Record<string, unknown>> {
  const { url, serviceRoleKey } = platformEnv();
  const response = await fetch(`${url}/functions/v1/instagram-process-webhooks`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${serviceRoleKey}`,
      apikey: serviceRoleKey,
      "content-type": "application/json",
    },
    body: "{}",
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`the drain answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** Polls the ledger until none of the rows matching `entryIds` is still received or processing. */
export async function waitForLedger(
  sql: postgres.Sql,
  entryIds: string[],
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql<{ open: number }[]>`
      select count(*)::int as open from public.webhook_events
      where entry_ids && ${entryIds}::text[] and status in ('received', 'processing')`;
    if (row!.open === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`timed out: ${row!.open} ledger rows still received or processing`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * One delivery of many events across several threads, for crash tests: applied in timestamp order
 * (the order below), so "crash after n events" leaves the first n applied. Holds a reply, an echo
 * replying to a message, reactions changing, an unsend, referrals, and a read of a message that
 * is not in the batch (parked).
 */
export function crashBatchEvents(account: string): unknown[] {
  const e = eventBuilders(account);
  return [
    e.text("ana", at(0), "ana.hello", TEXT.anaHello),
    e.text("hugo", at(1), "hugo.hello", TEXT.hugoHello),
    e.attachments("ben", at(10), "ben.image", [{ type: "image", payload: { url: URLS.benImage } }]),
    e.attachments("eva", at(20), "eva.mention", [{
      type: "story_mention",
      payload: { url: URLS.evaMention },
    }]),
    e.message("eva", at(21), {
      mid: mid("eva.story-reply"),
      text: TEXT.evaStoryReply,
      reply_to: { story: { url: URLS.evaStory, id: "3412345678901234567" } },
    }),
    e.referral("farid", at(30), REFERRALS.faridLink),
    e.postback("farid", at(31), "farid.postback", "Apply now", "APPLY_NOW"),
    e.read("jonas", at(32), "jonas.before-we-connected"),
    e.message("grace", at(33), {
      mid: mid("grace.ad"),
      text: TEXT.graceAd,
      referral: REFERRALS.graceAd,
    }),
    e.echo("hugo", at(40), {
      mid: mid("hugo.app"),
      text: TEXT.hugoApp,
      reply_to: { mid: mid("hugo.hello") },
    }),
    e.echo("ana", at(45), { mid: mid("ana.app"), text: TEXT.anaApp }),
    e.message("ana", at(46), {
      mid: mid("ana.reply"),
      text: TEXT.anaReply,
      reply_to: { mid: mid("ana.app") },
    }),
    e.react("ana", at(47), "ana.app", "love", "❤️"),
    e.react("ana", at(50), "ana.app", "other", "😂"),
    e.text("ana", at(55), "ana.oops", TEXT.anaOops),
    e.unsend("ana", secs(55, 30), "ana.oops"),
    e.text("ana", at(56), "ana.last", TEXT.anaLast),
    e.read("ana", at(57), "ana.app"),
  ];
}
