/**
 * Every operation the SPA (or any client with a user's JWT) calls, with the zod contracts from
 * shared/ that the functions themselves validate with. docs/openapi.json is generated from this
 * list (write-openapi.ts); openapi.test.ts fails when the file drifts or a function is missing.
 */
import type { z } from "zod";
import {
  connectedAccountsQuerySchema,
  connectedAccountsResponseSchema,
} from "../../shared/src/contracts/connected-accounts.ts";
import {
  blueskyConnectRequestSchema,
  blueskyConnectResponseSchema,
  blueskyPollRequestSchema,
  blueskyPollResponseSchema,
  blueskyPublishRequestSchema,
  blueskyPublishResponseSchema,
  blueskySendRequestSchema,
  blueskySendResponseSchema,
} from "../../shared/src/contracts/bluesky.ts";
import { healthResponseSchema } from "../../shared/src/contracts/health.ts";
import {
  conversationListQuerySchema,
  conversationListResponseSchema,
  triageRequestSchema,
  triageResponseSchema,
} from "../../shared/src/contracts/inbox-conversations.ts";
import {
  messageListQuerySchema,
  messageListResponseSchema,
} from "../../shared/src/contracts/inbox-messages.ts";
import {
  disconnectInputSchema,
  disconnectResponseSchema,
  oauthCompleteInputSchema,
  oauthCompleteResponseSchema,
  oauthInitInputSchema,
  oauthInitResponseSchema,
} from "../../shared/src/contracts/instagram-connect.ts";
import {
  retryMessageRequestSchema,
  sendMessageRequestSchema,
  sendMessageResponseSchema,
} from "../../shared/src/contracts/send-message.ts";
import { usageQuerySchema, usageResponseSchema } from "../../shared/src/contracts/usage.ts";
import {
  acceptInvitationResponseSchema,
  changePlanInputSchema,
  changePlanResponseSchema,
  changeRoleInputSchema,
  changeRoleResponseSchema,
  createInvitationInputSchema,
  createInvitationResponseSchema,
  createWorkspaceInputSchema,
  createWorkspaceResponseSchema,
  invitationPreviewSchema,
  invitationTokenInputSchema,
  membersResponseSchema,
  planResponseSchema,
  removeMemberResponseSchema,
  revokeInvitationResponseSchema,
} from "../../shared/src/contracts/workspaces.ts";
import {
  createTemplateSchema,
  deleteTemplateQuerySchema,
  renderedTemplateSchema,
  renderTemplateSchema,
  templateListQuerySchema,
  templateListResponseSchema,
  templateResponseSchema,
  updateTemplateSchema,
} from "../../shared/src/contracts/message-templates.ts";
import { myWorkspacesResponseSchema } from "../../shared/src/contracts/my-workspaces.ts";
import {
  createLeadSchema,
  leadListQuerySchema,
  leadListResponseSchema,
  leadPrefillQuerySchema,
  leadPrefillSchema,
  leadQuerySchema,
  leadResponseSchema,
  updateLeadSchema,
} from "../../shared/src/contracts/recruiting-leads.ts";

import {
  createScheduledMessageSchema,
  reminderSettingsQuerySchema,
  reminderSettingsResponseSchema,
  scheduledMessageListQuerySchema,
  scheduledMessageListResponseSchema,
  scheduledMessageResponseSchema,
  updateReminderSettingsSchema,
  updateScheduledMessageSchema,
} from "../../shared/src/contracts/scheduled-messages.ts";

export interface Operation {
  /** the function's folder under supabase/functions */
  fn: string;
  /** the path after the function's name; `{name}` segments are uuids */
  path: `/${string}`;
  method: "get" | "post" | "patch" | "delete";
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** the success status and its body (none for 204) */
  status: 200 | 201 | 204;
  response?: z.ZodType;
}

export const OPERATIONS: Operation[] = [
  {
    fn: "health",
    path: "/",
    method: "get",
    summary: "Runtime and database liveness",
    status: 200,
    response: healthResponseSchema,
  },
  {
    fn: "my-workspaces",
    path: "/",
    method: "get",
    summary: "The caller's IMOs, roles and plan features",
    status: 200,
    response: myWorkspacesResponseSchema,
  },
  {
    fn: "connected-accounts",
    path: "/",
    method: "get",
    summary: "The IMO's channel accounts with health, never a token",
    query: connectedAccountsQuerySchema,
    status: 200,
    response: connectedAccountsResponseSchema,
  },
  {
    fn: "instagram-oauth-init",
    path: "/",
    method: "post",
    summary: "Meta's consent URL with a signed state (owner or admin, Team)",
    body: oauthInitInputSchema,
    status: 200,
    response: oauthInitResponseSchema,
  },
  {
    fn: "instagram-disconnect",
    path: "/",
    method: "post",
    summary: "Drops the account's token, keeps its history",
    body: disconnectInputSchema,
    status: 200,
    response: disconnectResponseSchema,
  },
  {
    fn: "instagram-get-conversations",
    path: "/",
    method: "get",
    summary: "The inbox of a channel tab (Instagram, Bluesky, all): filters, keyset pages, unread",
    query: conversationListQuerySchema,
    status: 200,
    response: conversationListResponseSchema,
  },
  {
    fn: "instagram-get-messages",
    path: "/",
    method: "get",
    summary: "A thread, newest first",
    query: messageListQuerySchema,
    status: 200,
    response: messageListResponseSchema,
  },
  {
    fn: "conversation-triage",
    path: "/",
    method: "post",
    summary: "Mark read, priority, assignment, archive",
    body: triageRequestSchema,
    status: 200,
    response: triageResponseSchema,
  },
  {
    fn: "message-templates",
    path: "/",
    method: "get",
    summary: "The IMO's templates",
    query: templateListQuerySchema,
    status: 200,
    response: templateListResponseSchema,
  },
  {
    fn: "message-templates",
    path: "/",
    method: "post",
    summary: "Create a template (owner or admin)",
    body: createTemplateSchema,
    status: 201,
    response: templateResponseSchema,
  },
  {
    fn: "message-templates",
    path: "/",
    method: "patch",
    summary: "Edit a template (owner or admin)",
    body: updateTemplateSchema,
    status: 200,
    response: templateResponseSchema,
  },
  {
    fn: "message-templates",
    path: "/",
    method: "delete",
    summary: "Delete a template, softly (owner or admin)",
    query: deleteTemplateQuerySchema,
    status: 204,
  },
  {
    fn: "message-templates",
    path: "/render",
    method: "post",
    summary: "A template's text for a conversation",
    body: renderTemplateSchema,
    status: 200,
    response: renderedTemplateSchema,
  },
  {
    fn: "recruiting-leads",
    path: "/",
    method: "get",
    summary: "The IMO's leads, newest first",
    query: leadListQuerySchema,
    status: 200,
    response: leadListResponseSchema,
  },
  {
    fn: "recruiting-leads",
    path: "/lead",
    method: "get",
    summary: "One lead",
    query: leadQuerySchema,
    status: 200,
    response: leadResponseSchema,
  },
  {
    fn: "recruiting-leads",
    path: "/prefill",
    method: "get",
    summary: "What a lead from this conversation starts from",
    query: leadPrefillQuerySchema,
    status: 200,
    response: leadPrefillSchema,
  },
  {
    fn: "recruiting-leads",
    path: "/",
    method: "post",
    summary: "Create a lead, from a conversation or by hand",
    body: createLeadSchema,
    status: 201,
    response: leadResponseSchema,
  },
  {
    fn: "recruiting-leads",
    path: "/",
    method: "patch",
    summary: "Update a lead",
    body: updateLeadSchema,
    status: 200,
    response: leadResponseSchema,
  },
  {
    fn: "instagram-oauth-complete",
    path: "/",
    method: "post",
    summary: "Connects a parked consent, for the session that started it",
    body: oauthCompleteInputSchema,
    status: 200,
    response: oauthCompleteResponseSchema,
  },
  {
    fn: "instagram-send-message",
    path: "/",
    method: "post",
    summary: "A reply inside Meta's window, once per client_message_id",
    body: sendMessageRequestSchema,
    status: 200,
    response: sendMessageResponseSchema,
  },
  {
    fn: "instagram-retry-message",
    path: "/",
    method: "post",
    summary: "A failed reply again, the same message",
    body: retryMessageRequestSchema,
    status: 200,
    response: sendMessageResponseSchema,
  },
  {
    fn: "workspaces",
    path: "/",
    method: "post",
    summary: "Create an IMO on the Free plan; the caller owns it",
    body: createWorkspaceInputSchema,
    status: 201,
    response: createWorkspaceResponseSchema,
  },
  {
    fn: "workspaces",
    path: "/invitations/preview",
    method: "post",
    summary: "What an invitation link offers",
    body: invitationTokenInputSchema,
    status: 200,
    response: invitationPreviewSchema,
  },
  {
    fn: "workspaces",
    path: "/invitations/accept",
    method: "post",
    summary: "Accept an invitation as the signed-in invitee",
    body: invitationTokenInputSchema,
    status: 200,
    response: acceptInvitationResponseSchema,
  },
  {
    fn: "workspaces",
    path: "/{imo_id}/members",
    method: "get",
    summary: "Members and pending invitations",
    status: 200,
    response: membersResponseSchema,
  },
  {
    fn: "workspaces",
    path: "/{imo_id}/members/{user_id}/role",
    method: "post",
    summary: "Change a member's role (admins never touch owners)",
    body: changeRoleInputSchema,
    status: 200,
    response: changeRoleResponseSchema,
  },
  {
    fn: "workspaces",
    path: "/{imo_id}/members/{user_id}/remove",
    method: "post",
    summary: "Remove a member (an IMO keeps an owner)",
    status: 200,
    response: removeMemberResponseSchema,
  },
  {
    fn: "workspaces",
    path: "/{imo_id}/invitations",
    method: "post",
    summary: "Invite by email with a role; answers the single-use link",
    body: createInvitationInputSchema,
    status: 201,
    response: createInvitationResponseSchema,
  },
  {
    fn: "workspaces",
    path: "/{imo_id}/invitations/{invitation_id}/revoke",
    method: "post",
    summary: "Revoke a pending invitation",
    status: 200,
    response: revokeInvitationResponseSchema,
  },
  {
    fn: "workspaces",
    path: "/{imo_id}/plan",
    method: "get",
    summary: "The plans, what each unlocks, and the IMO's",
    status: 200,
    response: planResponseSchema,
  },
  {
    fn: "workspaces",
    path: "/{imo_id}/plan",
    method: "post",
    summary: "Change the plan at once (owner only), recorded",
    body: changePlanInputSchema,
    status: 200,
    response: changePlanResponseSchema,
  },
  {
    fn: "usage",
    path: "/",
    method: "get",
    summary: "Messages per day, Graph calls per account and hour",
    query: usageQuerySchema,
    status: 200,
    response: usageResponseSchema,
  },
];

/** Functions no client with a user's JWT calls, and who does. */
OPERATIONS.push(
  {
    fn: "scheduled-messages",
    path: "/",
    method: "get",
    summary: "A conversation's scheduled messages: pending first, soonest first",
    query: scheduledMessageListQuerySchema,
    status: 200,
    response: scheduledMessageListResponseSchema,
  },
  {
    fn: "scheduled-messages",
    path: "/",
    method: "post",
    summary: "Schedule a reply inside the window, or for the contact's next message",
    body: createScheduledMessageSchema,
    status: 201,
    response: scheduledMessageResponseSchema,
  },
  {
    fn: "scheduled-messages",
    path: "/{id}",
    method: "patch",
    summary: "Reschedule a pending message (its author, an owner or an admin)",
    body: updateScheduledMessageSchema,
    status: 200,
    response: scheduledMessageResponseSchema,
  },
  {
    fn: "scheduled-messages",
    path: "/{id}/cancel",
    method: "post",
    summary: "Cancel a pending message (its author, an owner or an admin)",
    status: 200,
    response: scheduledMessageResponseSchema,
  },
  {
    fn: "scheduled-messages",
    path: "/reminder-settings",
    method: "get",
    summary: "The IMO's priority reminder: on or off, its template, the default text",
    query: reminderSettingsQuerySchema,
    status: 200,
    response: reminderSettingsResponseSchema,
  },
  {
    fn: "scheduled-messages",
    path: "/reminder-settings",
    method: "patch",
    summary: "Turn the priority reminder on or off, choose its template (owner or admin)",
    body: updateReminderSettingsSchema,
    status: 200,
    response: reminderSettingsResponseSchema,
  },
);

/** Bluesky (docs/bluesky.md): connect, poll on demand, answer, post. */
OPERATIONS.push(
  {
    fn: "bluesky-connect",
    path: "/",
    method: "post",
    summary: "Connect a Bluesky account with its handle and an app password (owner or admin)",
    body: blueskyConnectRequestSchema,
    status: 200,
    response: blueskyConnectResponseSchema,
  },
  {
    fn: "bluesky-poll",
    path: "/",
    method: "post",
    summary: "Read one Bluesky account's new mentions, replies and DMs now (pg_cron polls all)",
    body: blueskyPollRequestSchema,
    status: 200,
    response: blueskyPollResponseSchema,
  },
  {
    fn: "bluesky-send-message",
    path: "/",
    method: "post",
    summary: "Answer a Bluesky conversation: a reply in the thread, or a DM; once per key",
    body: blueskySendRequestSchema,
    status: 200,
    response: blueskySendResponseSchema,
  },
  {
    fn: "bluesky-publish-post",
    path: "/",
    method: "post",
    summary: "A post with up to four images and their alt text (owner or admin)",
    body: blueskyPublishRequestSchema,
    status: 200,
    response: blueskyPublishResponseSchema,
  },
);

export const NOT_CLIENT_FACING: Record<string, string> = {
  "instagram-webhook": "Meta's webhook deliveries (signed), see docs/meta-platform.md",
  "instagram-oauth-callback": "Meta's OAuth redirect in the user's browser",
  "instagram-process-webhooks": "pg_cron, every minute, with the service role key",
  "instagram-refresh-token": "pg_cron, hourly, with the service role key",
  "instagram-sync-conversations": "the connect flow and pg_cron, with the service role key",
  "instagram-process-scheduled": "pg_cron every minute, or on demand, with the service role key",
  "instagram-auto-reminder": "pg_cron daily, or on demand, with the service role key",
};
