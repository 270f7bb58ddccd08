import postgres from "postgres";
import { type ChatSimulator, startChatSimulator } from "../bluesky-chat-simulator/server.ts";
import { type BlueskyNetwork, startBlueskyNetwork } from "../bluesky-network/start-network.ts";
import { startMetaSandbox } from "../meta-sandbox/server.ts";
import { freePort } from "./free-port.ts";
import { localFunctionSecrets } from "./function-secrets.ts";
import { jwks, loadOrCreateSigningKey, mintApiKeys } from "./keys.ts";
import { migrate, type MigrationReport } from "./migrate.ts";
import { startPostgres } from "./postgres.ts";
import { stopProcess } from "./stop-process.ts";
import { readProjectConfig } from "./project-config.ts";
import { waitForUrl } from "./wait-for-url.ts";

export interface LocalPlatform {
  url: string;
  databaseUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  jwks: string;
  migrations: MigrationReport;
  /** the Meta sandbox standing in for graph.instagram.com and friends */
  metaSandboxUrl: string;
  /**
   * the local AT Protocol network and the chat simulator, when asked for (`bluesky`); the network
   * may still be starting: await `bluesky.ready` before using it
   */
  bluesky?: LocalBluesky;
  /** the variables a test or the SPA needs to reach this platform */
  env: Record<string, string>;
  /** starts a fresh gateway process, so that changed function code is loaded */
  restartGateway(): Promise<void>;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /** holds the Postgres cluster, the signing key and logs */
  stateDir: string;
  persistent: boolean;
  seed: boolean;
  /** use the ports of supabase/config.toml when they are free (npm start) */
  preferConfiguredPorts: boolean;
  webUrl?: string;
  /** where the gateway's output goes; inherits the terminal when absent */
  gatewayLog?: string;
  /** let supabase/functions/.env override the generated secrets and sandbox URLs (npm start) */
  useProjectEnv?: boolean;
  /** more `-c name=value` settings for a new cluster (a bench's pg_stat_statements) */
  postgresSettings?: string[];
  /**
   * also run the local AT Protocol network (PLC, PDS, AppView) and the Bluesky chat simulator;
   * it costs a Node process, a Postgres cluster and seconds of start-up, so only `npm start` and
   * test runs with Bluesky tests ask for it (docs/bluesky.md §2). `deferred`: its addresses are
   * known (the gateway gets them) but it starts only on `bluesky.begin()`
   */
  bluesky?: boolean | "deferred";
}

export interface LocalBluesky extends BlueskyNetwork {
  chat: ChatSimulator;
}

const gatewayEntry = new URL("./gateway.ts", import.meta.url);
const root = new URL("../../", import.meta.url);

export async function startPlatform(options: PlatformOptions): Promise<LocalPlatform> {
  const config = await readProjectConfig();
  await Deno.mkdir(options.stateDir, { recursive: true });
  // started first, in the background: it takes longest, and only its addresses are needed now
  const bluesky: LocalBluesky | undefined = options.bluesky
    ? withChatSimulator(startBlueskyNetwork({
      stateDir: `${options.stateDir}/bluesky-network`,
      logFile: `${options.stateDir}/bluesky-network.log`,
      deferred: options.bluesky === "deferred",
    }))
    : undefined;
  const pg = await startPostgres({
    dataDir: `${options.stateDir}/postgres`,
    persistent: options.persistent,
    preferredPort: options.preferConfiguredPorts ? config.db.port : undefined,
    logFile: `${options.stateDir}/postgres.log`,
    externalUrl: Deno.env.get("DATABASE_URL"),
    settings: options.postgresSettings,
  }).catch(async (error) => {
    await stopBluesky(bluesky);
    throw error;
  });
  let gateway: Deno.ChildProcess | undefined;
  let sandbox: Awaited<ReturnType<typeof startMetaSandbox>> | undefined;
  // an exit before stop() has run (an uncaught error, say) must not leave the gateway behind
  const killGateway = () => {
    try {
      gateway?.kill("SIGTERM");
    } catch {
      // already gone
    }
  };
  globalThis.addEventListener("unload", killGateway);
  try {
    const migrations = await migrate(pg.url, { seed: options.seed });
    const signingKeyFile = `${options.stateDir}/signing-key.json`;
    const key = await loadOrCreateSigningKey(signingKeyFile);
    const { anonKey, serviceRoleKey } = await mintApiKeys(key);
    const port = freePort(options.preferConfiguredPorts ? config.api.port : undefined);
    const url = `http://127.0.0.1:${port}`;
    await recordProjectSecrets(pg.url, { url, anonKey, serviceRoleKey });

    const secrets = await localFunctionSecrets(
      options.stateDir,
      options.useProjectEnv ? new URL("supabase/functions/.env", root) : undefined,
    );
    sandbox = await startMetaSandbox({
      instagramAppId: secrets.INSTAGRAM_APP_ID!,
      instagramAppSecret: secrets.INSTAGRAM_APP_SECRET!,
      metaAppId: secrets.META_APP_ID!,
      metaAppSecret: secrets.META_APP_SECRET!,
      webhookUrl: `${url}/functions/v1/instagram-webhook`,
      seed: true,
    });
    const functionEnv: Record<string, string> = {
      META_INSTAGRAM_AUTHORIZE_URL: `${sandbox.url}/www.instagram.com/oauth/authorize`,
      META_INSTAGRAM_API_URL: `${sandbox.url}/api.instagram.com`,
      META_INSTAGRAM_GRAPH_URL: `${sandbox.url}/graph.instagram.com`,
      META_FACEBOOK_WWW_URL: `${sandbox.url}/www.facebook.com`,
      META_FACEBOOK_GRAPH_URL: `${sandbox.url}/graph.facebook.com`,
      APP_URL: options.webUrl ?? config.auth.site_url,
      // the PDS forwards chat.bsky.* calls to whichever service this names (docs/bluesky.md §5)
      // and the local PDS speaks plain http on localhost, which only this list lets through
      ...(bluesky
        ? { BLUESKY_CHAT_PROXY: bluesky.chat.proxy, BLUESKY_INSECURE_PDS_HOSTS: "localhost" }
        : {}),
      // generated secrets, then supabase/functions/.env where allowed: a developer's real Meta
      // app and hosts win over the sandbox
      ...secrets,
    };
    // two handles on the log: a stream can be piped from only one source, and a gateway whose
    // stderr nobody reads blocks once the pipe's buffer is full
    const openLog = () => Deno.open(options.gatewayLog!, { create: true, append: true });
    const log = options.gatewayLog ? { out: await openLog(), err: await openLog() } : undefined;

    const spawnGateway = async () => {
      const child = new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", gatewayEntry.pathname],
        cwd: root.pathname,
        env: {
          ...functionEnv,
          META_SANDBOX_URL: sandbox!.url,
          ...blueskyStatusEnv(bluesky),
          DATABASE_URL: pg.url,
          GATEWAY_PORT: String(port),
          SIGNING_KEY_FILE: signingKeyFile,
          SUPABASE_ANON_KEY: anonKey,
          SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey,
          ...(options.webUrl ? { WEB_URL: options.webUrl } : {}),
        },
        stdin: "null",
        stdout: log ? "piped" : "inherit",
        stderr: log ? "piped" : "inherit",
      }).spawn();
      if (log) {
        child.stdout.pipeTo(log.out.writable, { preventClose: true }).catch(() => {});
        child.stderr.pipeTo(log.err.writable, { preventClose: true }).catch(() => {});
      }
      gateway = child;
      await waitForUrl(`${url}/status.json`, { exited: child.status });
    };
    await spawnGateway();

    const jwksJson = JSON.stringify(jwks(key));
    return {
      url,
      databaseUrl: pg.url,
      anonKey,
      serviceRoleKey,
      jwks: jwksJson,
      migrations,
      metaSandboxUrl: sandbox.url,
      bluesky,
      env: {
        ...functionEnv,
        META_SANDBOX_URL: sandbox.url,
        ...blueskyStatusEnv(bluesky),
        ...(bluesky
          ? {
            BLUESKY_PLC_URL: bluesky.plcUrl,
            BLUESKY_NETWORK_CONTROL_URL: bluesky.controlUrl,
          }
          : {}),
        SUPABASE_URL: url,
        SUPABASE_ANON_KEY: anonKey,
        SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey,
        SUPABASE_DB_URL: pg.url,
        SUPABASE_JWKS: jwksJson,
        DATABASE_URL: pg.url,
        // tests sign tokens the platform did not issue (an expired one, say) with its own key
        SIGNING_KEY_FILE: signingKeyFile,
      },
      async restartGateway() {
        if (gateway) await stopProcess(gateway);
        await spawnGateway();
      },
      async stop() {
        if (gateway) await stopProcess(gateway);
        await sandbox?.stop();
        await stopBluesky(bluesky);
        globalThis.removeEventListener("unload", killGateway);
        await pg.stop();
        log?.out.close();
        log?.err.close();
      },
    };
  } catch (error) {
    killGateway();
    await sandbox?.stop();
    await stopBluesky(bluesky);
    await pg.stop();
    throw error;
  }
}

/** The chat simulator beside the network: it resolves callers' DIDs in the network's PLC. */
function withChatSimulator(network: BlueskyNetwork): LocalBluesky {
  return { ...network, chat: startChatSimulator({ plcUrl: network.plcUrl }) };
}

async function stopBluesky(bluesky: LocalBluesky | undefined) {
  await bluesky?.chat.stop();
  await bluesky?.stop();
}

/** Where the status page (and tests) find the local Bluesky pieces; app code never reads these. */
function blueskyStatusEnv(bluesky: LocalBluesky | undefined): Record<string, string> {
  if (!bluesky) return {};
  return {
    BLUESKY_PDS_URL: bluesky.pdsUrl,
    BLUESKY_APPVIEW_URL: bluesky.appviewUrl,
    BLUESKY_CHAT_SIMULATOR_URL: bluesky.chat.url,
  };
}

/**
 * Supabase's documented way for pg_cron to reach functions is Vault secrets holding the project
 * URL and a key (guides/functions/schedule-functions); locally the URL changes with the port.
 */
async function recordProjectSecrets(
  databaseUrl: string,
  values: { url: string; anonKey: string; serviceRoleKey: string },
) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const secrets = {
      project_url: values.url,
      anon_key: values.anonKey,
      service_role_key: values.serviceRoleKey,
    };
    for (const [name, secret] of Object.entries(secrets)) {
      const [existing] = await sql<
        { id: string }[]
      >`select id from vault.secrets where name = ${name}`;
      if (existing) await sql`select vault.update_secret(${existing.id}::uuid, ${secret})`;
      else await sql`select vault.create_secret(${secret}, ${name})`;
    }
  } finally {
    await sql.end();
  }
}
