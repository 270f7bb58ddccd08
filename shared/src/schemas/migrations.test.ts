import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { automationSettingsSchema } from "./automation-settings.ts";
import { channelAccountSchema } from "./channel-account.ts";
import { contactSchema } from "./contact.ts";
import { conversationSchema } from "./conversation.ts";
import * as enums from "./enums.ts";
import { imoMemberSchema } from "./imo-member.ts";
import { imoSubscriptionSchema } from "./imo-subscription.ts";
import { imoSchema } from "./imo.ts";
import { messageTemplateSchema } from "./message-template.ts";
import { messageSchema } from "./message.ts";
import { recruitingLeadSchema } from "./recruiting-lead.ts";
import { scheduledMessageSchema } from "./scheduled-message.ts";
import { subscriptionPlanSchema } from "./subscription-plan.ts";
import { usageCounterSchema } from "./usage-counter.ts";
import { graphCallCountSchema } from "./graph-call-count.ts";

// The shared schemas are checked against the SQL itself, so a migration that adds a column or an
// enum value fails here until shared/ follows.

// The enums as the migrations create them: `create type public.<name> as enum ('a', 'b', ...)`.
const migrations = new URL("../../../supabase/migrations/", import.meta.url);
const sql = readdirSync(migrations)
  .filter((name) => name.endsWith(".sql"))
  .sort()
  .map((name) => readFileSync(new URL(name, migrations), "utf8"))
  .join("\n");
const databaseEnums = new Map(
  [...sql.matchAll(/create type public\.(\w+) as enum \(([^)]*)\)/g)].map((
    [, name, values],
  ) => [name!, [...values!.matchAll(/'([^']*)'/g)].map(([, value]) => value!)]),
);

const shared: Record<string, readonly string[]> = {
  imo_role: enums.IMO_ROLES,
  subscription_status: enums.SUBSCRIPTION_STATUSES,
  channel_platform: enums.CHANNEL_PLATFORMS,
  channel_auth_path: enums.CHANNEL_AUTH_PATHS,
  channel_status: enums.CHANNEL_STATUSES,
  conversation_kind: enums.CONVERSATION_KINDS,
  lead_source: enums.LEAD_SOURCES,
  lead_status: enums.LEAD_STATUSES,
  ai_mode: enums.AI_MODES,
  qualification_state: enums.QUALIFICATION_STATES,
  message_direction: enums.MESSAGE_DIRECTIONS,
  message_author_kind: enums.MESSAGE_AUTHOR_KINDS,
  message_type: enums.MESSAGE_TYPES,
  message_status: enums.MESSAGE_STATUSES,
  template_category: enums.TEMPLATE_CATEGORIES,
  scheduled_message_status: enums.SCHEDULED_MESSAGE_STATUSES,
  comment_author_kind: enums.COMMENT_AUTHOR_KINDS,
  comment_status: enums.COMMENT_STATUSES,
  comment_rule_run_status: enums.COMMENT_RULE_RUN_STATUSES,
};

test("the migrations were read", () => {
  assert.ok(databaseEnums.size >= Object.keys(shared).length, [...databaseEnums.keys()].join());
});

for (const [name, values] of Object.entries(shared)) {
  test(`${name} has exactly the values of the migration, in order`, () => {
    assert.deepEqual(values, databaseEnums.get(name));
  });
}

test("every enum the SPA sees is shared (webhook_event_status is service-role only)", () => {
  const missing = [...databaseEnums.keys()].filter((name) => !(name in shared));
  assert.deepEqual(missing, ["webhook_event_status"]);
});

test("each schema accepts its values and nothing else", () => {
  assert.deepEqual(enums.messageTypeSchema.options, [...enums.MESSAGE_TYPES]);
  assert.equal(enums.imoRoleSchema.parse("recruiter"), "recruiter");
  assert.equal(enums.imoRoleSchema.safeParse("Recruiter").success, false);
  assert.equal(enums.scheduledMessageStatusSchema.safeParse("canceled").success, false);
  assert.equal(enums.subscriptionStatusSchema.safeParse("cancelled").success, false);
});

// The columns of each table: `create table public.<name> (...)` plus `alter table ... add column`.
function tableColumns(table: string): string[] {
  const create = new RegExp(`create table public\\.${table} \\(\\n([\\s\\S]*?)\\n\\);`).exec(sql);
  assert.ok(create, `create table public.${table}`);
  const columns = create[1]!.split("\n")
    // a column starts at two spaces of indent; deeper lines continue the one above
    .filter((line) => /^ {2}[a-z]/.test(line))
    .map((line) => line.trim())
    .filter((line) => !/^(foreign key|unique|check|primary key) ?\(/.test(line))
    .map((line) => line.split(" ")[0]!);
  const added = sql.matchAll(new RegExp(`alter table public\\.${table}\\s+add column (\\w+)`, "g"));
  return [...columns, ...[...added].map(([, name]) => name!)];
}

const tables: [string, { shape: Record<string, unknown> }, string[]][] = [
  ["imos", imoSchema, []],
  ["imo_members", imoMemberSchema, []],
  ["subscription_plans", subscriptionPlanSchema, []],
  ["imo_subscriptions", imoSubscriptionSchema, []],
  // the token columns and poll cursors are never returned to the SPA (no column privilege for
  // `authenticated`)
  ["channel_accounts", channelAccountSchema, [
    "access_token_encrypted",
    "token_key_id",
    "notifications_cursor",
    "chat_cursor",
  ]],
  ["contacts", contactSchema, []],
  ["conversations", conversationSchema, []],
  ["messages", messageSchema, []],
  ["message_templates", messageTemplateSchema, []],
  ["scheduled_messages", scheduledMessageSchema, []],
  ["recruiting_leads", recruitingLeadSchema, []],
  ["usage_counters", usageCounterSchema, []],
  ["graph_call_counts", graphCallCountSchema, []],
  ["automation_settings", automationSettingsSchema, []],
];

for (const [table, schema, hidden] of tables) {
  test(`${table}: the schema has exactly the table's columns${hidden.length ? " but " + hidden.join(", ") : ""}`, () => {
    const columns = tableColumns(table);
    for (const column of hidden) assert.ok(columns.includes(column), column);
    const expected = columns.filter((column) => !hidden.includes(column)).sort();
    assert.deepEqual(Object.keys(schema.shape).sort(), expected);
  });
}

test("channel_accounts: the schema is exactly what `authenticated` may select", () => {
  // the create migration's grant, plus one per column added since
  const grants = [
    ...sql.matchAll(/grant select \(([^)]*)\) on table public\.channel_accounts to authenticated/g),
  ];
  assert.ok(grants.length, "the column grant of channel_accounts");
  const granted = grants.flatMap((grant) => grant[1]!.split(",").map((column) => column.trim()))
    .sort();
  assert.equal(granted.includes("access_token_encrypted"), false);
  assert.deepEqual(Object.keys(channelAccountSchema.shape).sort(), granted);
});
