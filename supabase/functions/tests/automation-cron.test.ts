/**
 * The automation functions as pg_cron and on-demand callers reach them: the local schedule worker
 * runs instagram-process-scheduled from its SQL schedule (private.schedule_function → pg_net →
 * the function), and both functions answer the service role only.
 */
import assert from "node:assert/strict";
import { eventually } from "../../../scripts/testing/eventually.ts";
import {
  asScheduler,
  schedule,
  scheduledRow,
  textsSentFrom,
} from "../../../scripts/testing/schedule-fixture.ts";
import { sandboxThread } from "../../../scripts/testing/send-fixture.ts";
import { callFunction, createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "end to end: the schedule worker fires the SQL schedule, pg_net calls the function, the message goes",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "cron-e2e" });
    try {
      const thread = await sandboxThread(workspace, { minutesAgo: 10 });
      const before = new Date();
      const created = await schedule(workspace, {
        conversation_id: thread.conversationId,
        text: "Sent by the every-minute job",
        scheduled_for: before.toISOString(),
      });
      assert.equal(created.status, 201);
      const id = created.json().scheduled_message.id;
      await eventually(
        async () => (await scheduledRow(workspace, id)).status === "sent",
        "the job's run sent it",
        75_000,
      );
      assert.deepEqual(await textsSentFrom(thread.account), ["Sent by the every-minute job"]);

      const [run] = await workspace.sql`
        select d.status, d.command from cron.job_run_details d join cron.job j using (jobid)
        where j.jobname = 'instagram-process-scheduled' and d.start_time >= ${before}
          and d.status <> 'running'
        order by d.start_time limit 1`;
      assert.equal(run?.status, "succeeded");
      assert.match(run!.command, /private\.call_function\('instagram-process-scheduled'/);
      const answers = await workspace.sql<{ content: string }[]>`
        select content from net._http_response
        where created >= ${before} and status_code = 200 and content like '%"claimed"%'`;
      assert.ok(
        answers.some((answer) => JSON.parse(answer.content).sent >= 1),
        "the function's answer reached net._http_response",
      );
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "the automation functions answer the service role only, and check the body",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "cron-callers" });
    try {
      for (const name of ["instagram-process-scheduled", "instagram-auto-reminder"]) {
        const member = await callFunction(workspace, name, { body: {} });
        assert.equal(member.status, 403, name);
        await member.body?.cancel();
        const bad = await asScheduler(name, { conversation_ids: ["not-a-uuid"] });
        assert.equal(bad.status, 422, name);
        await bad.body?.cancel();
        const scoped = await asScheduler(name, { conversation_ids: [crypto.randomUUID()] });
        assert.equal(scoped.status, 200, name);
        const outcome = await scoped.json();
        assert.equal(outcome.claimed ?? outcome.queued, 0, name);
      }
    } finally {
      await workspace.close();
    }
  },
);
