/**
 * `subscribed_apps` for Instagram accounts (graph.instagram.com, §1A "Enabling webhooks") and for
 * Pages (graph.facebook.com, §1B "Enabling webhooks for a Page"). Webhooks only flow for accounts
 * subscribed here, as at Meta ("required in addition to selecting the fields in the App Dashboard").
 */
import type { GraphCall } from "./graph-context.ts";
import { graphErrors } from "./graph-errors.ts";
import { splitScopes, stringParam } from "./http-helpers.ts";

/** Field names from the §3 tables; both spellings where Meta's docs disagree (§3 ⚠). */
const KNOWN_FIELDS = new Set([
  "messages",
  "message_echoes",
  "message_reactions",
  "messaging_reactions",
  "messaging_seen",
  "message_reads",
  "messaging_postbacks",
  "messaging_referral",
  "messaging_referrals",
  "messaging_handover",
  "standby",
  "messaging_optins",
  "messaging_policy_enforcement",
  "response_feedback",
  "message_edits",
  "message_deliveries",
  "comments",
  "live_comments",
  "mentions",
  "story_insights",
  "feed",
]);

export interface Subscriber {
  subscribedFields: string[];
}

export function subscribedApps(
  call: GraphCall,
  subscriber: Subscriber,
  app: { id: string; name: string },
  withAppDetails: boolean,
) {
  if (call.method === "GET") {
    if (subscriber.subscribedFields.length === 0) return { data: [] };
    const entry = withAppDetails
      ? { category: "Business", link: "https://example.com/", name: app.name, id: app.id }
      : {};
    return { data: [{ ...entry, subscribed_fields: [...subscriber.subscribedFields] }] };
  }
  if (call.method === "DELETE") {
    subscriber.subscribedFields = [];
    return { success: true };
  }
  const fields = splitScopes(stringParam(call.params, "subscribed_fields"));
  if (fields.length === 0) {
    throw graphErrors.invalidParameter("The parameter subscribed_fields is required.");
  }
  fields.forEach((field, index) => {
    if (!KNOWN_FIELDS.has(field)) {
      throw graphErrors.invalidParameter(
        `Param subscribed_fields[${index}] must be one of {${
          [...KNOWN_FIELDS].join(", ")
        }} - got "${field}"`,
      );
    }
  });
  // A POST replaces the set, as Meta's subscribed_apps does.
  subscriber.subscribedFields = [...new Set(fields)];
  return { success: true };
}
