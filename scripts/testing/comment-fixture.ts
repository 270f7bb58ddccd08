/**
 * Posts and comments for comment tests: a sandbox account connected to the workspace and
 * subscribed to comments, a post of it, and leads who comment through the sandbox (so Meta's side
 * knows the comment) and through ingestion (so ours does).
 */
import {
  INSTAGRAM_LOGIN_WEBHOOK_FIELDS,
  WEBHOOK_FIELDS,
} from "../../supabase/functions/_shared/meta/meta-config.ts";
import { connectSandboxAccount } from "./connected-account.ts";
import { eventually } from "./eventually.ts";
import { sandbox } from "./meta-sandbox-client.ts";
import { uniqueSuffix } from "./tenants.ts";
import type { Workspace } from "./workspace.ts";

export type CommentsAccount = Awaited<ReturnType<typeof commentsAccount>>;

/** A connected account subscribed as connecting subscribes it, with one post. */
export async function commentsAccount(
  workspace: Workspace,
  input: { loginPath?: "instagram_login" | "facebook_login"; caption?: string } = {},
) {
  const account = await connectSandboxAccount(workspace, { loginPath: input.loginPath });
  const fields = input.loginPath === "facebook_login"
    ? WEBHOOK_FIELDS
    : INSTAGRAM_LOGIN_WEBHOOK_FIELDS;
  await sandbox(`accounts/${account.igAccountId}`, { subscribedFields: fields }, "PATCH");
  const post = await publishPost(account, input.caption ?? "We're hiring recruiters in Austin!");
  return { ...account, post };
}

export async function publishPost(account: { igAccountId: string }, caption: string) {
  return await sandbox<{ id: string; permalink: string; mediaUrl: string }>("media", {
    account: account.igAccountId,
    caption,
  });
}

export async function newLead(name = "Maya Okafor") {
  return await sandbox<{ id: string; username: string }>("leads", {
    username: `commenter.${uniqueSuffix()}`,
    name,
  });
}

/** The lead comments on the post (or replies to `parent`); the sandbox sends the webhook. */
export async function leadComments(
  account: { igAccountId: string },
  leadId: string,
  media: string,
  text: string,
  options: { parent?: string; hidden?: boolean; at?: number } = {},
) {
  return await sandbox<{ commentId: string; igsid: string; delivery: { ok: boolean } }>(
    `leads/${leadId}/comments`,
    { account: account.igAccountId, media, text, ...options },
  );
}

export interface StoredCommentRow {
  id: string;
  post_id: string;
  parent_id: string | null;
  author_kind: string;
  contact_id: string | null;
  author_username: string | null;
  text: string;
  edits: { text: string; at: string }[];
  status: string;
  hidden_at: Date | null;
  deleted_at: Date | null;
  private_reply_message_id: string | null;
}

/** The stored comment with Meta's id, once `until` holds for it. */
export async function storedComment(
  workspace: Workspace,
  account: { accountId: string },
  externalId: string,
  until: (row: StoredCommentRow) => boolean = () => true,
  what = "the comment was stored",
) {
  return await eventually(
    async () => {
      const [row] = await workspace.sql<StoredCommentRow[]>`
        select id, post_id, parent_id, author_kind::text, contact_id, author_username, text, edits,
          status::text, hidden_at, deleted_at, private_reply_message_id
        from public.comments
        where channel_account_id = ${account.accountId} and external_id = ${externalId}`;
      return row && until(row) ? row : undefined;
    },
    what,
    15_000,
  );
}

/** What the sandbox knows of the account's comments. */
export const sandboxComments = (account: { igAccountId: string }) =>
  sandbox<
    {
      id: string;
      text: string;
      parentId: string | null;
      hidden: boolean;
      deleted: boolean;
      privateReplyMid: string | null;
      leadId: string | null;
    }[]
  >(`comments?account=${account.igAccountId}`);
