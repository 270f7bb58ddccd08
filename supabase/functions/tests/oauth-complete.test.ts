import assert from "node:assert/strict";
import { createSandboxAccount } from "../../../scripts/testing/meta-sandbox-client.ts";
import {
  connectThroughBrowser,
  consentThroughBrowser,
  finishOnLanding,
} from "../../../scripts/testing/oauth-browser.ts";
import { anonClient } from "../../../scripts/testing/platform-env.ts";
import { createWorkspace, type Workspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

const instagramAccount = () =>
  createSandboxAccount({
    username: `bound.${crypto.randomUUID().slice(0, 6)}`,
    loginPath: "instagram_login",
  });

/** A fresh account's consent, approved and parked: the landing URL the SPA would confirm. */
async function parkedConsent(workspace: Workspace): Promise<URL> {
  const account = await instagramAccount();
  const { landing } = await consentThroughBrowser(workspace, {
    authPath: "instagram_login",
    decision: "approve",
    account: account.igAccountId,
  });
  return landing!;
}

async function accountsOf(workspace: Workspace): Promise<number> {
  const [row] = await workspace.sql<{ n: number }[]>`
    select count(*)::int as n from public.channel_accounts where imo_id = ${workspace.imoId}`;
  return row!.n;
}

async function errorCode(completion: Response | undefined) {
  assert.ok(completion, "the landing carried a parked consent");
  return { status: completion.status, code: (await completion.json()).error.code };
}

Deno.test(
  "a consent link sent to someone else connects nothing: their browser spends it, the sender cannot use it",
  options,
  async () => {
    // a Team admin starts a connect and gets a victim to approve it on Meta's screen
    const sender = await createWorkspace({ plan: "team", label: "link-sender" });
    const victim = await createWorkspace({ plan: "team", label: "link-victim" });
    try {
      const account = await instagramAccount();
      const flow = await connectThroughBrowser(sender, {
        authPath: "instagram_login",
        decision: "approve",
        account: account.igAccountId,
        completeAs: victim,
      });
      assert.deepEqual(await errorCode(flow.completion), {
        status: 403,
        code: "connection_not_yours",
      });
      assert.equal(await accountsOf(sender), 0);
      assert.equal(await accountsOf(victim), 0);

      // the landing URL reaching the sender afterwards is worth nothing
      const late = await finishOnLanding(sender, flow.landing);
      assert.deepEqual(await errorCode(late.completion), {
        status: 410,
        code: "connection_unavailable",
      });
      assert.equal(await accountsOf(sender), 0);
      const [parked] = await sender.sql`
        select access_token_encrypted, completed_at from public.pending_connections
        where id = ${flow.landing!.searchParams.get("connection")!}`;
      assert.equal(parked!.access_token_encrypted, null, "the parked token is gone");
      assert.ok(parked!.completed_at);
    } finally {
      await sender.close();
      await victim.close();
    }
  },
);

Deno.test(
  "only the signed-in session that started completes: the same member signed in elsewhere is refused",
  options,
  async () => {
    const member = await createWorkspace({ plan: "team", label: "other-session" });
    try {
      const elsewhere = await anonClient().auth.signInWithPassword({
        email: member.email,
        password: member.password,
      });
      assert.equal(elsewhere.error, null);
      const flow = await connectThroughBrowser(member, {
        authPath: "instagram_login",
        decision: "approve",
        account: (await instagramAccount()).igAccountId,
        completeAs: { accessToken: elsewhere.data.session!.access_token },
      });
      assert.deepEqual(await errorCode(flow.completion), {
        status: 403,
        code: "connection_not_yours",
      });
      assert.equal(await accountsOf(member), 0);
    } finally {
      await member.close();
    }
  },
);

Deno.test(
  "the starter completes a parked consent once; a second try or a lapsed one is refused",
  options,
  async () => {
    const member = await createWorkspace({ plan: "team", label: "complete-once" });
    try {
      const flow = await connectThroughBrowser(member, {
        authPath: "instagram_login",
        decision: "approve",
        account: (await instagramAccount()).igAccountId,
      });
      assert.equal(flow.outcome, "connected");
      assert.equal(await accountsOf(member), 1);
      const again = await finishOnLanding(member, flow.landing);
      assert.deepEqual(await errorCode(again.completion), {
        status: 410,
        code: "connection_unavailable",
      });

      const lapsed = await parkedConsent(member);
      await member
        .sql`update public.pending_connections set expires_at = now() - interval '1 second'
        where id = ${lapsed.searchParams.get("connection")!}`;
      const late = await finishOnLanding(member, lapsed);
      assert.deepEqual(await errorCode(late.completion), {
        status: 410,
        code: "connection_unavailable",
      });
      assert.equal(await accountsOf(member), 1);
    } finally {
      await member.close();
    }
  },
);

Deno.test(
  "role and plan are checked again at completion: a downgrade or a demotion meanwhile stores nothing",
  options,
  async () => {
    const downgraded = await createWorkspace({ plan: "team", label: "downgraded" });
    const demoted = await createWorkspace({ plan: "team", label: "demoted" });
    try {
      const first = await parkedConsent(downgraded);
      await downgraded.sql`update public.imo_subscriptions set plan_code = 'free'
        where imo_id = ${downgraded.imoId}`;
      const afterDowngrade = await finishOnLanding(downgraded, first);
      assert.deepEqual(await errorCode(afterDowngrade.completion), {
        status: 402,
        code: "plan_required",
      });
      assert.equal(await accountsOf(downgraded), 0);

      const second = await parkedConsent(demoted);
      await demoted.sql`update public.imo_members set role = 'recruiter'
        where imo_id = ${demoted.imoId} and user_id = ${demoted.userId}`;
      const afterDemotion = await finishOnLanding(demoted, second);
      assert.deepEqual(await errorCode(afterDemotion.completion), {
        status: 403,
        code: "forbidden",
      });
      assert.equal(await accountsOf(demoted), 0);
    } finally {
      await downgraded.close();
      await demoted.close();
    }
  },
);

Deno.test(
  "the purge job deletes parked consents ten minutes after they lapse",
  options,
  async () => {
    const member = await createWorkspace({ plan: "team", label: "purge" });
    try {
      const parked = await Promise.all(
        [0, 1].map(async () => (await parkedConsent(member)).searchParams.get("connection")!),
      );
      await member.sql`update public.pending_connections
        set expires_at = now() - interval '11 minutes' where id = ${parked[0]!}`;
      const [job] = await member.sql<{ command: string }[]>`
        select command from cron.job where jobname = 'purge-pending-connections'`;
      await member.sql.unsafe(job!.command);
      const left = await member.sql`
        select id from public.pending_connections where id in ${member.sql(parked)}`;
      assert.deepEqual(left.map((r) => r.id), [parked[1]]);
    } finally {
      await member.close();
    }
  },
);
