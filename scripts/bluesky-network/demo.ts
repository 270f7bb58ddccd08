/**
 * `npm start`'s Bluesky demo: on the fresh local network (docs/bluesky.md §2: nothing survives a
 * restart), the demo IMO's Bluesky account @northwind-careers.test, connected through the real
 * bluesky-connect as demo@dmdesk.local would connect it, and @jordan-agent.test, who mentions it
 * in public and writes to it in a DM. The account of an earlier start pointed at a network that
 * is gone; it is removed with its conversations, which came from that network only.
 */
import { AtpAgent, RichText } from "@atproto/api";
import { createClient } from "@supabase/supabase-js";
import postgres from "postgres";
import type { LocalBluesky } from "../platform/local-platform.ts";
import { DEMO_IMO, DEMO_LOGIN } from "../demo-workspace.ts";

export interface BlueskyDemo {
  account: string;
  contact: string;
}

export async function seedBlueskyDemo(
  platform: { url: string; anonKey: string; databaseUrl: string },
  bluesky: LocalBluesky,
): Promise<BlueskyDemo> {
  const sql = postgres(platform.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`delete from public.channel_accounts
      where imo_id = ${DEMO_IMO} and platform = 'bluesky' and service_url like 'http://localhost:%'`;
  } finally {
    await sql.end();
  }

  const account = await createAccount(
    bluesky.pdsUrl,
    "northwind-careers.test",
    "Northwind Careers",
  );
  const contact = await createAccount(bluesky.pdsUrl, "jordan-agent.test", "Jordan Reyes");
  const { data: appPassword } = await account.com.atproto.server.createAppPassword({
    name: "DM Desk demo",
    privileged: true,
  });

  const client = createClient(platform.url, platform.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const { error: signInError } = await client.auth.signInWithPassword(DEMO_LOGIN);
  if (signInError) throw signInError;
  const connected = await client.functions.invoke("bluesky-connect", {
    body: {
      imo_id: DEMO_IMO,
      identifier: "northwind-careers.test",
      app_password: appPassword.password,
      service_url: bluesky.pdsUrl,
    },
  });
  if (connected.error) throw new Error(`bluesky-connect: ${connected.error.message}`);

  const post = await postWithFacets(
    account,
    "Deal of the day 🌽 We're hiring licensed agents in Ohio and Texas. Reply or DM us!",
  );
  await postWithFacets(
    contact,
    "@northwind-careers.test is this still open? I'm licensed in OH 👋",
    {
      reply: { root: post, parent: post },
    },
  );
  await postWithFacets(
    contact,
    "Anyone know a good IMO for new agents? Asking @northwind-careers.test too https://example.com/jordan",
  );
  const chat = contact.withProxy("bsky_chat", bluesky.chat.did as `did:${string}`).chat.bsky.convo;
  const { data } = await chat.getConvoForMembers({ members: [account.session!.did] });
  await chat.sendMessage({
    convoId: data.convo.id,
    message: { text: "Hi! Sent you my resume by email too. When can we talk?" },
  });
  await bluesky.processAll();
  // shows at once instead of at the next minute's poll
  await client.functions.invoke("bluesky-poll", {
    body: { account_id: connected.data.account_id },
  });
  await client.auth.signOut();
  return { account: "@northwind-careers.test", contact: "@jordan-agent.test" };
}

async function createAccount(service: string, handle: string, displayName: string) {
  const agent = new AtpAgent({ service });
  await agent.createAccount({
    handle,
    email: `${handle}@example.com`,
    password: crypto.randomUUID(),
  });
  await agent.upsertProfile((profile) => ({ ...profile, displayName }));
  return agent;
}

async function postWithFacets(
  agent: AtpAgent,
  text: string,
  extra: { reply?: { root: { uri: string; cid: string }; parent: { uri: string; cid: string } } } =
    {},
) {
  const rich = new RichText({ text });
  await rich.detectFacets(agent);
  return await agent.post({ text: rich.text, facets: rich.facets, ...extra });
}
