/**
 * Row-level security, table by table: who may select, insert, update and delete a row of IMO A.
 * Every public table must appear in the matrix (a new table without an entry fails here), every
 * attempt is rolled back, and the actual matrix is printed beside the assertion.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { platformEnv } from "../../scripts/testing/platform-env.ts";
import {
  createTenant,
  createUser,
  removeTenant,
  uniqueSuffix,
} from "../../scripts/testing/tenants.ts";
import { asCaller, attempt, type Caller, type Outcome } from "./actors.ts";
import {
  columnMismatches,
  formatColumnMatrix,
  parseColumnMatrix,
  readColumnMatrix,
} from "./column-matrix.ts";
import {
  ACTORS,
  formatMatrix,
  type Matrix,
  type MatrixContext,
  OPERATIONS,
  parseMatrix,
  STATEMENTS,
} from "./rls-cases.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

// deno-fmt-ignore
const EXPECTED = `
imos                select  allowed  allowed  allowed   filtered  denied  allowed
imos                insert  denied   denied   denied    denied    denied  allowed
imos                update  allowed  allowed  filtered  filtered  denied  allowed
imos                delete  allowed  filtered filtered  filtered  denied  allowed
imo_members         select  allowed  allowed  allowed   filtered  denied  allowed
imo_members         insert  denied   denied   denied    denied    denied  allowed
imo_members         update  allowed  allowed  filtered  filtered  denied  allowed
imo_members         delete  allowed  allowed  filtered  filtered  denied  allowed
subscription_plans  select  allowed  allowed  allowed   allowed   denied  allowed
subscription_plans  insert  denied   denied   denied    denied    denied  allowed
subscription_plans  update  denied   denied   denied    denied    denied  allowed
subscription_plans  delete  denied   denied   denied    denied    denied  allowed
imo_subscriptions   select  allowed  allowed  allowed   filtered  denied  allowed
imo_subscriptions   insert  denied   denied   denied    denied    denied  allowed
imo_subscriptions   update  denied   denied   denied    denied    denied  allowed
imo_subscriptions   delete  denied   denied   denied    denied    denied  allowed
channel_accounts    select  allowed  allowed  allowed   filtered  denied  allowed
channel_accounts    insert  denied   denied   denied    denied    denied  allowed
channel_accounts    update  allowed  allowed  filtered  filtered  denied  allowed
channel_accounts    delete  denied   denied   denied    denied    denied  allowed
recruiting_leads    select  allowed  allowed  allowed   filtered  denied  allowed
recruiting_leads    insert  allowed  allowed  allowed   denied    denied  allowed
recruiting_leads    update  allowed  allowed  allowed   filtered  denied  allowed
recruiting_leads    delete  allowed  allowed  filtered  filtered  denied  allowed
contacts            select  allowed  allowed  allowed   filtered  denied  allowed
contacts            insert  denied   denied   denied    denied    denied  allowed
contacts            update  allowed  allowed  allowed   filtered  denied  allowed
contacts            delete  denied   denied   denied    denied    denied  allowed
conversations       select  allowed  allowed  allowed   filtered  denied  allowed
conversations       insert  denied   denied   denied    denied    denied  allowed
conversations       update  allowed  allowed  allowed   filtered  denied  allowed
conversations       delete  denied   denied   denied    denied    denied  allowed
messages            select  allowed  allowed  allowed   filtered  denied  allowed
messages            insert  allowed  allowed  allowed   denied    denied  allowed
messages            update  denied   denied   denied    denied    denied  allowed
messages            delete  denied   denied   denied    denied    denied  allowed
message_templates   select  allowed  allowed  allowed   filtered  denied  allowed
message_templates   insert  allowed  allowed  denied    denied    denied  allowed
message_templates   update  allowed  allowed  filtered  filtered  denied  allowed
message_templates   delete  denied   denied   denied    denied    denied  allowed
scheduled_messages  select  allowed  allowed  allowed   filtered  denied  allowed
scheduled_messages  insert  allowed  allowed  allowed   denied    denied  allowed
scheduled_messages  update  allowed  allowed  allowed   filtered  denied  allowed
scheduled_messages  delete  denied   denied   denied    denied    denied  allowed
webhook_events      select  denied   denied   denied    denied    denied  allowed
webhook_events      insert  denied   denied   denied    denied    denied  allowed
webhook_events      update  denied   denied   denied    denied    denied  allowed
webhook_events      delete  denied   denied   denied    denied    denied  allowed
webhook_pending_events select denied denied denied denied denied allowed
webhook_pending_events insert denied denied denied denied denied allowed
webhook_pending_events update denied denied denied denied denied allowed
webhook_pending_events delete denied denied denied denied denied allowed
webhook_event_failures select denied denied denied denied denied allowed
webhook_event_failures insert denied denied denied denied denied allowed
webhook_event_failures update denied denied denied denied denied allowed
webhook_event_failures delete denied denied denied denied denied allowed
webhook_unknown_events select denied denied denied denied denied allowed
webhook_unknown_events insert denied denied denied denied denied allowed
webhook_unknown_events update denied denied denied denied denied allowed
webhook_unknown_events delete denied denied denied denied denied allowed
webhook_rejections  select  denied   denied   denied    denied    denied  allowed
webhook_rejections  insert  denied   denied   denied    denied    denied  allowed
webhook_rejections  update  denied   denied   denied    denied    denied  allowed
webhook_rejections  delete  denied   denied   denied    denied    denied  allowed
usage_counters      select  allowed  allowed  allowed   filtered  denied  allowed
usage_counters      insert  denied   denied   denied    denied    denied  allowed
usage_counters      update  denied   denied   denied    denied    denied  allowed
usage_counters      delete  denied   denied   denied    denied    denied  allowed
graph_call_counts   select  allowed  allowed  allowed   filtered  denied  allowed
graph_call_counts   insert  denied   denied   denied    denied    denied  allowed
graph_call_counts   update  denied   denied   denied    denied    denied  allowed
graph_call_counts   delete  denied   denied   denied    denied    denied  allowed
oauth_states        select  denied   denied   denied    denied    denied  allowed
oauth_states        insert  denied   denied   denied    denied    denied  allowed
oauth_states        update  denied   denied   denied    denied    denied  allowed
oauth_states        delete  denied   denied   denied    denied    denied  allowed
imo_invitations     select  allowed  allowed  filtered  filtered  denied  allowed
imo_invitations     insert  allowed  allowed  denied    denied    denied  allowed
imo_invitations     update  allowed  allowed  filtered  filtered  denied  allowed
imo_invitations     delete  denied   denied   denied    denied    denied  allowed
imo_plan_changes    select  allowed  allowed  filtered  filtered  denied  allowed
imo_plan_changes    insert  denied   denied   denied    denied    denied  allowed
imo_plan_changes    update  denied   denied   denied    denied    denied  allowed
imo_plan_changes    delete  denied   denied   denied    denied    denied  allowed
pending_connections select  denied   denied   denied    denied    denied  allowed
pending_connections insert  denied   denied   denied    denied    denied  allowed
pending_connections update  denied   denied   denied    denied    denied  allowed
pending_connections delete  denied   denied   denied    denied    denied  allowed
automation_settings select  allowed  allowed  allowed   filtered  denied  allowed
automation_settings insert  allowed  allowed  denied    denied    denied  allowed
automation_settings update  allowed  allowed  filtered  filtered  denied  allowed
automation_settings delete  denied   denied   denied    denied    denied  allowed
ai_settings         select  allowed  allowed  allowed   filtered  denied  allowed
ai_settings         insert  allowed  allowed  denied    denied    denied  allowed
ai_settings         update  allowed  allowed  filtered  filtered  denied  allowed
ai_settings         delete  denied   denied   denied    denied    denied  allowed
message_analyses    select  allowed  allowed  allowed   filtered  denied  allowed
message_analyses    insert  denied   denied   denied    denied    denied  allowed
message_analyses    update  denied   denied   denied    denied    denied  allowed
message_analyses    delete  denied   denied   denied    denied    denied  allowed
dm_answers          select  allowed  allowed  allowed   filtered  denied  allowed
dm_answers          insert  denied   denied   denied    denied    denied  allowed
dm_answers          update  denied   denied   denied    denied    denied  allowed
dm_answers          delete  denied   denied   denied    denied    denied  allowed
dm_answer_counts    select  allowed  allowed  allowed   filtered  denied  allowed
dm_answer_counts    insert  denied   denied   denied    denied    denied  allowed
dm_answer_counts    update  denied   denied   denied    denied    denied  allowed
dm_answer_counts    delete  denied   denied   denied    denied    denied  allowed
dm_analysis_counts  select  allowed  allowed  allowed   filtered  denied  allowed
dm_analysis_counts  insert  denied   denied   denied    denied    denied  allowed
dm_analysis_counts  update  denied   denied   denied    denied    denied  allowed
dm_analysis_counts  delete  denied   denied   denied    denied    denied  allowed
ai_analysis_jobs    select  denied   denied   denied    denied    denied  allowed
ai_analysis_jobs    insert  denied   denied   denied    denied    denied  allowed
ai_analysis_jobs    update  denied   denied   denied    denied    denied  allowed
ai_analysis_jobs    delete  denied   denied   denied    denied    denied  allowed
qualification_transitions select allowed allowed allowed filtered denied allowed
qualification_transitions insert denied denied  denied    denied    denied  allowed
qualification_transitions update denied denied  denied    denied    denied  allowed
qualification_transitions delete denied denied  denied    denied    denied  allowed
posts               select  allowed  allowed  allowed   filtered  denied  allowed
posts               insert  denied   denied   denied    denied    denied  allowed
posts               update  allowed  allowed  allowed   filtered  denied  allowed
posts               delete  denied   denied   denied    denied    denied  allowed
comments            select  allowed  allowed  allowed   filtered  denied  allowed
comments            insert  allowed  allowed  allowed   denied    denied  allowed
comments            update  denied   denied   denied    denied    denied  allowed
comments            delete  denied   denied   denied    denied    denied  allowed
comment_rules       select  allowed  allowed  allowed   filtered  denied  allowed
comment_rules       insert  allowed  allowed  denied    denied    denied  allowed
comment_rules       update  allowed  allowed  filtered  filtered  denied  allowed
comment_rules       delete  allowed  allowed  filtered  filtered  denied  allowed
comment_rule_runs   select  allowed  allowed  allowed   filtered  denied  allowed
comment_rule_runs   insert  denied   denied   denied    denied    denied  allowed
comment_rule_runs   update  denied   denied   denied    denied    denied  allowed
comment_rule_runs   delete  denied   denied   denied    denied    denied  allowed
publications        select  allowed  allowed  allowed   filtered  denied  allowed
publications        insert  allowed  allowed  denied    denied    denied  allowed
publications        update  allowed  allowed  filtered  filtered  denied  allowed
publications        delete  allowed  allowed  filtered  filtered  denied  allowed
channel_insights    select  allowed  allowed  allowed   filtered  denied  allowed
channel_insights    insert  denied   denied   denied    denied    denied  allowed
channel_insights    update  denied   denied   denied    denied    denied  allowed
channel_insights    delete  denied   denied   denied    denied    denied  allowed
channel_insights_syncs select allowed allowed allowed   filtered  denied  allowed
channel_insights_syncs insert denied  denied  denied    denied    denied  allowed
channel_insights_syncs update denied  denied  denied    denied    denied  allowed
channel_insights_syncs delete denied  denied  denied    denied    denied  allowed
comment_analyses    select  allowed  allowed  allowed   filtered  denied  allowed
comment_analyses    insert  denied   denied   denied    denied    denied  allowed
comment_analyses    update  denied   denied   denied    denied    denied  allowed
comment_analyses    delete  denied   denied   denied    denied    denied  allowed
deals               select  allowed  allowed  allowed   filtered  denied  allowed
deals               insert  allowed  allowed  allowed   denied    denied  allowed
deals               update  allowed  allowed  allowed   filtered  denied  allowed
deals               delete  allowed  allowed  filtered  filtered  denied  allowed
`;

// Which columns each role may insert and update (lines absent: none; anon has none anywhere).
// Counters, timestamps, audit and provenance fields are written by triggers and functions only.
// deno-fmt-ignore
const EXPECTED_COLUMNS = `
imos                authenticated update  name
imo_members         authenticated update  display_name role
imo_invitations     authenticated insert  email imo_id role token_hash
imo_invitations     authenticated update  revoked_at revoked_by
recruiting_leads    authenticated insert  imo_id full_name email phone instagram_username lead_source status notes owner_user_id conversation_id
recruiting_leads    authenticated update  full_name email phone instagram_username status notes owner_user_id conversation_id
contacts            authenticated update  is_priority recruiting_lead_id
conversations       authenticated update  is_priority recruiting_lead_id assigned_to ai_mode qualification_state archived_at
messages            authenticated insert  imo_id channel_account_id conversation_id client_message_id direction author_kind author_user_id type text attachments reply_to_message_id status
message_templates   authenticated insert  imo_id name content category
message_templates   authenticated update  name content category deleted_at
scheduled_messages  authenticated insert  imo_id channel_account_id conversation_id template_id text scheduled_for wait_for_reply cancel_if_reply
scheduled_messages  authenticated update  text scheduled_for status wait_for_reply cancel_if_reply template_id
automation_settings authenticated insert  imo_id reminders_enabled reminder_template_id
automation_settings authenticated update  reminders_enabled reminder_template_id
ai_settings         authenticated insert  imo_id default_mode autopilot_threshold lease_minutes time_zone reply_templates instructions booking_link payment_link_template
ai_settings         authenticated update  default_mode autopilot_threshold lease_minutes time_zone reply_templates instructions booking_link payment_link_template
posts               authenticated update  is_priority assigned_to
comments            authenticated insert  imo_id channel_account_id post_id client_comment_id parent_id author_kind author_user_id text status
comment_rules       authenticated insert  imo_id channel_account_id post_id keyword template_id is_enabled
comment_rules       authenticated update  channel_account_id post_id keyword template_id is_enabled
publications        authenticated insert  imo_id channel_account_id caption media scheduled_at status
publications        authenticated update  caption media scheduled_at status
channel_accounts    authenticated update  ai_default_mode
deals               authenticated insert  imo_id conversation_id recruiting_lead_id title amount currency stage product size colour quantity analysis_message_id
deals               authenticated update  recruiting_lead_id title amount currency stage product size colour quantity
`;

/**
 * Tables that hold no tenant's rows: reference data every signed-in user reads, and rejected
 * webhook POSTs (anyone's, read by the service role only).
 */
const GLOBAL_TABLES = ["subscription_plans", "webhook_rejections"];

/** Functions of schema private: security definer or invoker, all with search_path fixed. */
const PRIVATE_FUNCTIONS: Record<string, "definer" | "invoker"> = {
  is_member: "definer",
  has_role: "definer",
  imos_for_current_user: "definer",
  has_feature: "definer",
  increment_usage: "definer",
  apply_messages_to_conversations: "definer",
  touch_updated_at: "invoker", // trigger: writes only the row being updated
  stamp_with_now: "invoker", // trigger: dates archived_at / deleted_at on the row being updated
  record_scheduled_window: "invoker", // trigger: reads the conversation under the caller's RLS
  sign_scheduled_cancellation: "invoker", // trigger: writes only the row being updated
  message_preview: "invoker", // immutable formatting, reads nothing
  is_message_text: "invoker", // immutable check of a text, reads nothing
  search_conversations: "definer", // trigram indexes cannot be used under RLS; checks membership itself
  keep_an_owner: "definer", // trigger: locks the IMO and counts every owner
  create_imo: "definer", // writes imos, members, subscription for auth.uid() only
  invitation_by_token: "definer", // the invitee is not a member yet
  accept_invitation: "definer", // the one way in besides create_imo
  imo_member_directory: "definer", // reads auth.users emails of the caller's own IMO
  change_plan: "definer", // owner-checked; writes the subscription and its audit row
  take_graph_call: "definer", // service role only; counts Graph calls in private tables
  broadcast_inbox_change: "definer", // trigger: writes realtime.messages, which members cannot
  broadcast_inbox_changes: "definer", // the same per statement (messages, conversations)
  count_received_message: "definer", // trigger: usage_counters are not members' to write
  count_template_use: "definer", // members have no grant on use_count; checks membership itself
  call_function: "invoker", // the scheduler's role only: reads the service role key from Vault
  schedule_function: "invoker", // the scheduler's role only: writes cron.job
  settle_scheduled_message: "definer", // trigger: a person retrying the message may not write the schedule
  apply_contact_replies: "definer", // trigger: the webhook's inbound messages reopen and release or cancel
  sign_automation_settings: "invoker", // trigger: writes only the row being written
  take_graph_calls: "definer", // service role only: take_graph_call for a batch
  sign_ai_settings: "invoker", // trigger: writes only the row being written
  apply_default_ai_mode: "definer", // trigger: reads the IMO's ai_settings for the webhook's insert
  enqueue_ai_analysis: "definer", // trigger: ai_analysis_jobs is the service's alone
  record_qualification_transition: "definer", // trigger: members have no grant on the transitions
  take_ai_lease_on_reply: "definer", // trigger: members have no grant on the lease's columns
  mark_post_read: "definer", // members have no grant on a post's counters; checks membership itself
  apply_comment_to_post: "definer", // trigger: a member's reply moves the post's counters
  link_private_reply: "definer", // trigger: the comment's link is the server's, not the member's
  enqueue_comment_ai_analysis: "definer", // trigger: ai_analysis_jobs is the service's alone
  sign_deal: "invoker", // trigger: writes only the row being inserted, reads the caller's conversation
  mark_dm_answers_stale: "definer", // trigger: the stale queue is the service's alone
  refresh_dm_answers_of: "definer", // writes dm_answers, which members only read
  refresh_stale_dm_answers: "definer", // the cron's pass; service role only
  median_first_response: "invoker", // reads dm_answers under the caller's RLS
  count_dm_answers: "definer", // trigger: dm_answer_counts are not members' to write
  count_dm_analyses: "definer", // trigger: dm_analysis_counts are not members' to write
  unaccented: "invoker", // pure: a text without its accents, for search and its indexes
};

Deno.test("RLS matrix: every public table, operation and caller", options, async (t) => {
  const sql = postgres(platformEnv().databaseUrl, { max: 2, onnotice: () => {} });
  const [a, b] = [await createTenant(sql, "rls-a"), await createTenant(sql, "rls-b")];
  const outsider = await createUser(sql, "rls-outsider");
  const spareSlug = `rls-spare-${uniqueSuffix()}`;
  const [spareImo] = await sql<{ id: string }[]>`
    insert into public.imos (name, slug) values ('Spare', ${spareSlug}) returning id`;
  const sparePlanCode = `spare_${uniqueSuffix().replace(/[^a-z]/g, "")}`;
  await sql`insert into public.subscription_plans (code, name, monthly_price_cents)
            values (${sparePlanCode}, 'Spare', 0)`;

  const callers: Record<(typeof ACTORS)[number], { caller: Caller; uid: string }> = {
    "owner A": { caller: { kind: "user", claims: a.users.owner.claims }, uid: a.users.owner.id },
    "admin A": { caller: { kind: "user", claims: a.users.admin.claims }, uid: a.users.admin.id },
    "recruiter A": {
      caller: { kind: "user", claims: a.users.recruiter.claims },
      uid: a.users.recruiter.id,
    },
    "owner B": { caller: { kind: "user", claims: b.users.owner.claims }, uid: b.users.owner.id },
    anon: { caller: { kind: "anon" }, uid: a.users.owner.id },
    service: { caller: { kind: "service" }, uid: a.users.owner.id },
  };
  const expected = parseMatrix(EXPECTED);

  try {
    // Tables the migrations create; other tests may add scratch tables to public meanwhile.
    const tables = await sql<
      { name: string; kind: string; rls: boolean; invoker: boolean; migrated: boolean }[]
    >`
      select c.relname as name, c.relkind::text as kind, c.relrowsecurity as rls,
             coalesce(c.reloptions @> '{security_invoker=true}', false) as invoker,
             exists (select 1 from supabase_migrations.schema_migrations m, unnest(m.statements) s
                     where s ~* ('create\\s+table\\s+(if\\s+not\\s+exists\\s+)?public\\.'
                                 || c.relname || '\\M')) as migrated
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')`;
    const tableNames = tables.filter((r) => r.migrated && (r.kind === "r" || r.kind === "p"))
      .map((r) => r.name).sort();
    // printed in the order of EXPECTED (the migrations' order), then any table it lacks
    const expectedTables = [...new Set(Object.keys(expected).map((k) => k.split(" ")[0]!))];
    const matrixOrder = [...new Set([...expectedTables, ...tableNames])];

    await t.step("every public table has RLS on and an entry in the matrix", () => {
      assert.deepEqual(tableNames, Object.keys(STATEMENTS).sort(), "tables vs. STATEMENTS");
      assert.deepEqual(tableNames, [...expectedTables].sort(), "tables vs. EXPECTED");
      const withoutRls = tables.filter((r) => (r.kind === "r" || r.kind === "p") && !r.rls);
      assert.deepEqual(withoutRls.map((r) => r.name), [], "tables without RLS");
      // a view runs as its owner and bypasses RLS unless security_invoker (matviews always do)
      const unsafeViews = tables.filter((r) => r.kind !== "r" && r.kind !== "p" && !r.invoker);
      assert.deepEqual(unsafeViews.map((r) => r.name), [], "views that bypass RLS");
    });

    await t.step("the matrix of outcomes is the expected one", async () => {
      const actual: Matrix = {};
      for (const table of matrixOrder) {
        if (!STATEMENTS[table]) continue; // reported by the step above
        for (const op of OPERATIONS) {
          const row: Outcome[] = [];
          for (const actor of ACTORS) {
            const { caller, uid } = callers[actor];
            const context: MatrixContext = {
              a,
              spareImoId: spareImo!.id,
              sparePlanCode,
              outsiderId: outsider.id,
              uid,
              unique: uniqueSuffix(),
            };
            const [text, params] = STATEMENTS[table]![op](context);
            row.push(await attempt(caller, text, params));
          }
          actual[`${table} ${op}`] = row;
        }
      }
      console.log(`\nRLS matrix (rows of IMO A):\n${formatMatrix(actual)}\n`);
      const mismatches = [...new Set([...Object.keys(expected), ...Object.keys(actual)])]
        .flatMap((key) =>
          ACTORS.map((actor, i) => [actor, expected[key]?.[i], actual[key]?.[i]] as const)
            .filter(([, want, got]) => want !== got)
            .map(([actor, want, got]) => `${key} as ${actor}: expected ${want}, got ${got}`)
        );
      assert.deepEqual(mismatches, []);
    });

    await t.step("the column matrix: what each role may insert and update", async () => {
      const actual = await readColumnMatrix(sql, tableNames);
      console.log(
        `\nColumn matrix (what a role may write):\n${formatColumnMatrix(actual, matrixOrder)}\n`,
      );
      assert.deepEqual(columnMismatches(parseColumnMatrix(EXPECTED_COLUMNS), actual), []);
    });

    await t.step("the matrix left no trace (every attempt was rolled back)", async () => {
      const [row] = await sql`
        select (select name from public.imos where id = ${a.imoId}) as imo_name,
               (select count(*)::int from public.imo_members where imo_id = ${a.imoId}) as members,
               (select count(*)::int from public.messages where imo_id = ${a.imoId}) as messages,
               (select text from public.scheduled_messages where id = ${a.scheduledMessageId}) as text`;
      assert.deepEqual({ ...row }, {
        imo_name: `IMO ${a.slug}`,
        members: 3,
        messages: 2,
        text: "Following up!",
      });
    });

    await t.step("a member of IMO B sees no row of IMO A in any table", async () => {
      const owner = { kind: "user", claims: b.users.owner.claims } as const;
      for (const table of tableNames.filter((name) => !GLOBAL_TABLES.includes(name))) {
        const column = table === "imos" ? "id" : "imo_id";
        const seen = await asCaller(owner, (tx) =>
          tx.unsafe(
            `select count(*) filter (where ${column} = $1)::int as of_a,
                    count(*) filter (where ${column} = $2)::int as of_b
             from public.${table}`,
            [a.imoId, b.imoId],
          )).then(([row]) => ({ ofA: row!.of_a as number, ofB: row!.of_b as number }))
          .catch((error) => {
            assert.equal(error.code, "42501", `${table}: ${error.message}`);
            return { ofA: 0, ofB: 0 };
          });
        assert.equal(seen.ofA, 0, `B sees ${seen.ofA} row(s) of A in ${table}`);
        // not vacuous: where a member may read, B does see B's own rows
        if (expected[`${table} select`]![0] === "allowed") {
          assert.ok(seen.ofB > 0, `B sees none of its own rows in ${table}`);
        }
      }
    });

    await t.step("anon sees nothing anywhere", async () => {
      for (const table of tableNames) {
        const outcome = await asCaller(
          { kind: "anon" },
          (tx) => tx.unsafe(`select count(*)::int as n from public.${table}`),
        )
          .then(([row]) => `${row!.n} rows`, (error) => `error ${error.code}`);
        assert.ok(["0 rows", "error 42501"].includes(outcome), `anon on ${table}: ${outcome}`);
      }
    });

    await t.step("token columns carry no privilege for users; other columns do", async () => {
      const [privileges] = await sql`
        select ${
        sql.unsafe(
          ["anon", "authenticated"].flatMap((role) =>
            ["access_token_encrypted", "token_key_id"].flatMap((column) =>
              ["select", "insert", "update", "references"].map((p) =>
                `has_column_privilege('${role}', 'public.channel_accounts', '${column}', '${p}')`
              )
            )
          ).join(" or "),
        )
      } as any_token_privilege,
        has_column_privilege('authenticated', 'public.channel_accounts', 'username', 'select')
          as username_readable`;
      assert.deepEqual({ ...privileges }, { any_token_privilege: false, username_readable: true });

      const member = { kind: "user", claims: a.users.recruiter.claims } as const;
      await assert.rejects(
        asCaller(
          member,
          (tx) =>
            tx`select access_token_encrypted from public.channel_accounts where id = ${a.channelAccountId}`,
        ),
        (error: { code?: string; message: string }) =>
          error.code === "42501" && /permission denied/.test(error.message),
      );
      await assert.rejects(
        asCaller(member, (tx) => tx`select * from public.channel_accounts`),
        (error: { code?: string }) => error.code === "42501",
      );
      const rows = await asCaller(
        member,
        (tx) =>
          tx`select id, username from public.channel_accounts where id = ${a.channelAccountId}`,
      );
      const [stored] = await sql`
        select username from public.channel_accounts where id = ${a.channelAccountId}`;
      assert.deepEqual(rows.map((r) => ({ ...r })), [
        { id: a.channelAccountId, username: stored!.username },
      ]);
    });

    await t.step("private helpers: security definer where listed, search_path fixed", async () => {
      const rows = await sql<{ name: string; definer: boolean; config: string[] | null }[]>`
        select p.proname as name, p.prosecdef as definer, p.proconfig as config
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'private' order by p.proname`;
      assert.deepEqual(
        Object.fromEntries(rows.map((r) => [r.name, r.definer ? "definer" : "invoker"])),
        Object.fromEntries(Object.entries(PRIVATE_FUNCTIONS).sort()),
      );
      for (const row of rows) {
        assert.ok(row.config?.includes('search_path=""'), `${row.name}: ${row.config}`);
      }
    });
  } finally {
    await sql`delete from public.imos where id = ${spareImo!.id}`;
    await sql`delete from public.subscription_plans where code = ${sparePlanCode}`;
    await sql`delete from auth.users where id = ${outsider.id}`;
    await removeTenant(sql, a);
    await removeTenant(sql, b);
    await sql.end();
  }
});
