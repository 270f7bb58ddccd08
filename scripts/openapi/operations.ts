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
  oauthInitInputSchema,
  oauthInitResponseSchema,
} from "../../shared/src/contracts/instagram-connect.ts";
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

export interface Operation {
  /** the function's folder under supabase/functions */
  fn: string;
  /** the path after the function's name */
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
    summary: "The Instagram inbox: filters, keyset pages, unread per account",
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
];

/** Functions no client with a user's JWT calls, and who does. */
export const NOT_CLIENT_FACING: Record<string, string> = {
  "instagram-webhook": "Meta's webhook deliveries (signed), see docs/meta-platform.md",
  "instagram-oauth-callback": "Meta's OAuth redirect in the user's browser",
  "instagram-process-webhooks": "pg_cron, every minute, with the service role key",
  "instagram-refresh-token": "pg_cron, hourly, with the service role key",
  "instagram-sync-conversations": "the connect flow and pg_cron, with the service role key",
};
