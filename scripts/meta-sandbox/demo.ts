/**
 * `npm start`'s Instagram demo. supabase/seed.sql stores the demo IMO's account @northwind.careers
 * with no token (no secret in the repo), and this sandbox forgets everything when it stops; so on
 * every start, once the platform is up:
 *
 * 1. the sandbox learns the account's contacts from the database: each becomes a lead with the
 *    contact's IGSID and a conversation whose latest message from them is the database's, so a
 *    reply reaches the Send API and Meta's 24 h window holds there as it does in the product;
 * 2. the account is connected through the real connect flow, as demo@dmdesk.local would connect
 *    it in Settings › Channels: instagram-oauth-init, the sandbox's consent dialog (approved),
 *    instagram-oauth-callback, instagram-oauth-complete. It reconnects the seeded row (same id,
 *    same conversations), whose token is then stored encrypted.
 *
 * The contacts go first: the connect starts a sync of the sandbox's conversations, which then
 * finds them complete. It adds nothing, since the sandbox knows none of their earlier messages.
 */
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import postgres from "postgres";
import {
  oauthCompleteResponseSchema,
  oauthInitResponseSchema,
} from "../../shared/src/contracts/instagram-connect.ts";
import { consentAtSandboxDialog } from "./browser-consent.ts";
import { DEMO_ACCOUNT_ID } from "./seed.ts";
import { DEMO_IMO, DEMO_LOGIN } from "../demo-workspace.ts";

/** the seeded channel_accounts row of @northwind.careers (supabase/seed.sql) */
export const DEMO_INSTAGRAM_ROW = "b0000000-0000-4000-8000-000000000001";
const DAY_MS = 24 * 60 * 60 * 1000;

export interface InstagramDemo {
  account: string;
  /** contacts the sandbox now knows */
  contacts: number;
  /** of them, those whose 24 h window is open now */
  openWindows: number;
}

interface DemoPlatform {
  url: string;
  anonKey: string;
  databaseUrl: string;
  metaSandboxUrl: string;
  /** the functions' environment: where they reach "Meta" */
  env: Record<string, string>;
}

interface ContactRow {
  external_id: string;
  username: string | null;
  display_name: string | null;
  follower_count: number | null;
  is_verified: boolean | null;
  is_user_follow_business: boolean | null;
  is_business_follow_user: boolean | null;
  last_inbound_at: Date;
}

export async function connectInstagramDemo(platform: DemoPlatform): Promise<InstagramDemo> {
  const authorizeUrl = platform.env.META_INSTAGRAM_AUTHORIZE_URL ?? "";
  if (!authorizeUrl.startsWith(platform.metaSandboxUrl)) {
    throw new Error(
      "the functions use the Meta app of supabase/functions/.env, not the sandbox, so the demo account is left as it is",
    );
  }
  const sql = postgres(platform.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select id from public.channel_accounts
      where id = ${DEMO_INSTAGRAM_ROW} and imo_id = ${DEMO_IMO}
        and external_account_id = ${DEMO_ACCOUNT_ID}`;
    if (!row) {
      throw new Error(
        `the demo account ${DEMO_INSTAGRAM_ROW} is not in the database (npm run db:reset seeds it again)`,
      );
    }
    const contacts = await sql<ContactRow[]>`
      select k.external_id, k.username, k.display_name, k.follower_count, k.is_verified,
        k.is_user_follow_business, k.is_business_follow_user,
        max(c.last_inbound_at) as last_inbound_at
      from public.contacts k join public.conversations c on c.contact_id = k.id
      where k.channel_account_id = ${DEMO_INSTAGRAM_ROW} and c.last_inbound_at is not null
      group by k.id
      order by k.external_id`;
    const known = await registerContacts(platform.metaSandboxUrl, contacts);

    const client = createClient(platform.url, platform.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
    });
    const { error: signInError } = await client.auth.signInWithPassword(DEMO_LOGIN);
    if (signInError) throw signInError;
    try {
      await connectThroughConsent(client);
    } finally {
      await client.auth.signOut();
    }
    await assertTokenStoredEncrypted(sql, platform.metaSandboxUrl);

    const now = Date.now();
    return {
      account: "@northwind.careers",
      contacts: known,
      openWindows: contacts.filter((c) => now - c.last_inbound_at.getTime() <= DAY_MS).length,
    };
  } finally {
    await sql.end();
  }
}

/**
 * Each contact becomes a sandbox lead with its IGSID for the demo account and its latest inbound
 * time (POST /_sandbox/leads {conversations}); one the sandbox knows already is left alone.
 */
async function registerContacts(sandboxUrl: string, contacts: ContactRow[]): Promise<number> {
  const leads = await sandbox<{ igsids: Record<string, string> }[]>(sandboxUrl, "GET", "leads");
  const known = new Set(leads.map((lead) => lead.igsids[DEMO_ACCOUNT_ID]).filter(Boolean));
  // IGSIDs are numeric; anything else was not written by Meta
  const missing = contacts.filter((c) => /^\d+$/.test(c.external_id) && !known.has(c.external_id));
  for (const contact of missing) {
    await sandbox(sandboxUrl, "POST", "leads", {
      username: contact.username ?? `instagram.user.${contact.external_id}`,
      name: contact.display_name,
      ...(contact.follower_count === null ? {} : { followerCount: contact.follower_count }),
      verified: contact.is_verified ?? false,
      followsBusiness: contact.is_user_follow_business ?? false,
      businessFollowsUser: contact.is_business_follow_user ?? false,
      conversations: [{
        account: DEMO_ACCOUNT_ID,
        igsid: contact.external_id,
        lastInboundAt: contact.last_inbound_at.getTime(),
      }],
    });
  }
  return known.size + missing.length;
}

/** What the SPA and a browser do: init, Meta's dialog (approved), our callback, complete. */
async function connectThroughConsent(client: SupabaseClient) {
  const init = oauthInitResponseSchema.parse(
    await invoke(client, "instagram-oauth-init", {
      imo_id: DEMO_IMO,
      auth_path: "instagram_login",
      return_to: "/settings/channels",
    }),
  );
  const { landing } = await consentAtSandboxDialog(init.url, {
    decision: "approve",
    account: DEMO_ACCOUNT_ID,
  });
  const connectionId = landing?.searchParams.get("connection");
  if (!connectionId) {
    throw new Error(
      `the callback parked no consent (${
        landing?.searchParams.get("reason") ?? landing ?? "no redirect"
      })`,
    );
  }
  const completed = oauthCompleteResponseSchema.parse(
    await invoke(client, "instagram-oauth-complete", { connection_id: connectionId }),
  );
  if (completed.outcome !== "connected") {
    throw new Error(`instagram-oauth-complete: ${completed.outcome} (${completed.reason ?? ""})`);
  }
  const ids = completed.result.instagram?.accounts?.map((a) => a.id) ?? [];
  if (ids.length !== 1 || ids[0] !== DEMO_INSTAGRAM_ROW) {
    throw new Error(`the connect stored ${ids.join(", ")}, not the seeded ${DEMO_INSTAGRAM_ROW}`);
  }
}

/** The reconnected row holds a token, encrypted: none of the sandbox's token strings in clear. */
async function assertTokenStoredEncrypted(sql: postgres.Sql, sandboxUrl: string) {
  const [row] = await sql<
    { status: string; access_token_encrypted: string | null; token_key_id: string | null }[]
  >`select status::text, access_token_encrypted, token_key_id from public.channel_accounts
    where id = ${DEMO_INSTAGRAM_ROW}`;
  if (row?.status !== "connected" || !row.access_token_encrypted || !row.token_key_id) {
    throw new Error("the demo account holds no token after connecting");
  }
  const account = await sandbox<{ tokens: { value: string }[] }>(
    sandboxUrl,
    "GET",
    `accounts/${DEMO_ACCOUNT_ID}`,
  );
  if (account.tokens.some((token) => row.access_token_encrypted!.includes(token.value))) {
    throw new Error("the demo account's token is stored in clear");
  }
}

async function invoke(
  client: SupabaseClient,
  name: string,
  body: Record<string, unknown>,
): Promise<unknown> {
  const { data, error } = await client.functions.invoke(name, { body });
  if (!error) return data;
  const response = (error as { context?: Response }).context;
  const detail = response instanceof Response ? await response.text().catch(() => "") : "";
  throw new Error(`${name}: ${error.message}${detail ? ` ${detail}` : ""}`);
}

async function sandbox<T>(sandboxUrl: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${sandboxUrl}/_sandbox/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}
