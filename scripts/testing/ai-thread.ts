/**
 * A conversation the AI assistant answers, for its tests: an IMO whose conversations start in a
 * mode, a connected sandbox account subscribed to webhooks, and a sandbox lead who writes (so
 * Meta's side knows the window and accepts our sends) and whose messages are analysed by the
 * platform's own queue; or inbound messages stored without their job, for a test's own clock.
 */
import { WEBHOOK_FIELDS } from "../../supabase/functions/_shared/meta/meta-config.ts";
import { connectSandboxAccount } from "./connected-account.ts";
import { eventually } from "./eventually.ts";
import { sandbox } from "./meta-sandbox-client.ts";
import { uniqueSuffix } from "./tenants.ts";
import { postSignedDelivery } from "./webhook-corpus.ts";
import { createWorkspace, type Workspace } from "./workspace.ts";

/**
 * A workspace whose IMO starts conversations in `mode`, a connected sandbox account and a sandbox
 * lead (so Meta's side knows the window and accepts our sends); `says` has the lead write a DM.
 */
export async function aiThread(label: string, mode: "off" | "supervised" | "autopilot") {
  const workspace = await createWorkspace({ plan: "team", label });
  await workspace.sql`insert into public.ai_settings (imo_id, default_mode, autopilot_threshold)
    values (${workspace.imoId}, ${mode}, 0.5)`;
  const account = await connectSandboxAccount(workspace);
  await sandbox(`accounts/${account.igAccountId}`, { subscribedFields: WEBHOOK_FIELDS }, "PATCH");
  const lead = await sandbox<{ id: string }>("leads", {
    username: `lead.${uniqueSuffix()}`,
    name: "Ana Ruiz",
  });
  let igsid = "";
  const says = async (text: string) => {
    const dm = await sandbox<{ igsid: string }>(`leads/${lead.id}/messages`, {
      account: account.igAccountId,
      text,
      at: Date.now(),
    });
    igsid = dm.igsid;
    return await analysisOf(workspace, account.accountId, text);
  };
  const conversationId = async () => {
    const [row] = await workspace.sql<{ id: string }[]>`
      select c.id from public.conversations c join public.contacts k on k.id = c.contact_id
      where k.channel_account_id = ${account.accountId} and k.external_id = ${igsid}`;
    return row!.id;
  };
  /** the account's owner types in the Instagram app: Meta sends us only the echo */
  const typesInApp = async (text: string) => {
    await postSignedDelivery(account.igAccountId, [{
      sender: { id: account.igAccountId },
      recipient: { id: igsid },
      timestamp: Date.now(),
      message: { mid: `app.${crypto.randomUUID()}`, text, is_echo: true },
    }]);
    await eventually(async () => {
      const [row] = await workspace.sql`select 1 from public.messages
        where channel_account_id = ${account.accountId} and author_kind = 'native_app' and text = ${text}`;
      return row;
    }, "the echo was stored");
  };
  return { workspace, account, says, conversationId, typesInApp };
}

/** The analysis of the account's inbound message `text`, once the assistant has acted on it. */
export async function analysisOf(workspace: Workspace, accountId: string, text: string) {
  return await eventually(
    async () => {
      const [row] = await workspace.sql<Record<string, unknown>[]>`
      select a.message_id, a.intent, a.category, a.provider, a.model, a.tools_used, a.latency_ms,
        a.fallback_reason, a.reply_outcome, a.entities
      from public.message_analyses a join public.messages m on m.id = a.message_id
      where m.channel_account_id = ${accountId} and m.text = ${text} and a.reply_outcome is not null`;
      return row;
    },
    `the analysis of "${text}"`,
    20_000,
  );
}

/** An inbound message stored without its queue job, so only this test's clock analyses it. */
export async function inboundWithoutJob(
  workspace: Workspace,
  conversationId: string,
  text: string,
  type = "text",
) {
  return await workspace.sql.begin(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      insert into public.messages (imo_id, channel_account_id, conversation_id, external_id,
        direction, author_kind, type, text, status, sent_at)
      select imo_id, channel_account_id, id, ${`local.${crypto.randomUUID()}`}, 'inbound',
        'contact', ${type}::public.message_type, ${text}, 'sent', now()
      from public.conversations where id = ${conversationId}
      returning id`;
    await tx`delete from public.ai_analysis_jobs where message_id = ${row!.id}`;
    return row!.id;
  });
}

export async function outcomeOf(workspace: Workspace, messageId: string) {
  const [row] = await workspace.sql<{ reply_outcome: string }[]>`
    select reply_outcome from public.message_analyses where message_id = ${messageId}`;
  return row?.reply_outcome;
}
