import { AtpAgent, RichText } from "@atproto/api";

/**
 * The local AT Protocol network and chat simulator a Bluesky test talks to: `npm test` starts
 * them when a test's path contains "bluesky" (scripts/test-all.ts) and sets these variables.
 */
export function blueskyEnv() {
  const names = [
    "BLUESKY_PDS_URL",
    "BLUESKY_APPVIEW_URL",
    "BLUESKY_NETWORK_CONTROL_URL",
    "BLUESKY_CHAT_SIMULATOR_URL",
    "BLUESKY_CHAT_PROXY",
  ] as const;
  const missing = names.filter((name) => !Deno.env.get(name));
  if (missing.length) {
    throw new Error(
      `${
        missing.join(", ")
      } not set: run Bluesky tests through \`npm test -- <path with "bluesky">\``,
    );
  }
  const get = (name: (typeof names)[number]) => Deno.env.get(name)!;
  return {
    pdsUrl: get("BLUESKY_PDS_URL"),
    appviewUrl: get("BLUESKY_APPVIEW_URL"),
    controlUrl: get("BLUESKY_NETWORK_CONTROL_URL"),
    chatSimulatorUrl: get("BLUESKY_CHAT_SIMULATOR_URL"),
    chatProxy: get("BLUESKY_CHAT_PROXY"),
  };
}

/** Waits until the AppView has indexed every write made so far (notifications, threads). */
export async function processAll() {
  const response = await fetch(`${blueskyEnv().controlUrl}/process-all`, { method: "POST" });
  if (!response.ok) throw new Error(`process-all failed: ${await response.text()}`);
  await response.body?.cancel();
}

export interface BlueskyUser {
  handle: string;
  did: string;
  /** an app password with direct-message access ("privileged"), as the connect form asks for */
  appPassword: string;
  /** logged in with the main password: the person's own Bluesky app */
  agent: AtpAgent;
}

/**
 * A fresh account on the local PDS. Handles are `<label><6 letters>.test`: the PDS refuses a
 * first label over 18 characters and reserves some names ("bot", "admin").
 */
export async function createBlueskyUser(label = "user", options: { privileged?: boolean } = {}) {
  const { pdsUrl } = blueskyEnv();
  const suffix = Array.from(
    crypto.getRandomValues(new Uint8Array(6)),
    (b) => String.fromCharCode(97 + (b % 26)),
  ).join("");
  const handle = `${label.toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 12)}${suffix}.test`;
  const password = `pw-${crypto.randomUUID()}`;
  const agent = new AtpAgent({ service: pdsUrl });
  await agent.createAccount({ handle, email: `${suffix}@example.com`, password });
  const { data } = await agent.com.atproto.server.createAppPassword({
    name: `dmdesk-${suffix}`,
    privileged: options.privileged ?? true,
  });
  return { handle, did: agent.session!.did, appPassword: data.password, agent } as BlueskyUser;
}

/** A logged-in agent that sends chat.bsky.* calls through the PDS to the chat simulator. */
export function chatAgent(user: BlueskyUser) {
  return user.agent.withProxy(
    "bsky_chat",
    blueskyEnv().chatProxy.split("#")[0]! as `did:${string}`,
  );
}

/** What the chat simulator answered, in order (every call is checked against the lexicons). */
export async function chatSimulatorCalls(): Promise<
  { nsid: string; caller: string | null; status: number; error?: string }[]
> {
  const response = await fetch(`${blueskyEnv().chatSimulatorUrl}/_simulator/calls`);
  return await response.json();
}

/**
 * A post as the Bluesky app makes one: mentions and links found and turned into facets (a mention
 * notifies only through its facet, docs/bluesky.md §4). Returns the post's strong reference.
 */
export async function postAs(
  user: BlueskyUser,
  text: string,
  extra: { reply?: { root: { uri: string; cid: string }; parent: { uri: string; cid: string } } } =
    {},
) {
  const rich = new RichText({ text });
  await rich.detectFacets(user.agent);
  return await user.agent.post({
    text: rich.text,
    ...(rich.facets?.length ? { facets: rich.facets } : {}),
    ...extra,
    createdAt: new Date().toISOString(),
  });
}
