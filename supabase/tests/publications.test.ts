/**
 * What the RLS matrix cannot see on publications (20261204100000_create_publications.sql): a
 * member never marks a post published or publishing (the server does), never edits or deletes
 * one that has gone out, never aims one at another IMO's account, and schedules only on a plan
 * with schedules.
 */
import assert from "node:assert/strict";
import { attempt } from "./actors.ts";
import { user, withTenants } from "./two-tenants.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "members write drafts and schedules only; what went out is the server's",
  options,
  () =>
    withTenants("publications", async (sql, a, b) => {
      const owner = user(a, "owner");
      const id = a.publicationId;
      const outcomes = {
        markPublished: await attempt(
          owner,
          `update public.publications set status = 'published' where id = $1`,
          [id],
        ),
        markPublishing: await attempt(
          owner,
          `update public.publications set status = 'publishing' where id = $1`,
          [id],
        ),
        writeOutcome: await attempt(
          owner,
          `update public.publications set permalink = 'https://example.com' where id = $1`,
          [id],
        ),
        otherImosAccount: await attempt(
          owner,
          `insert into public.publications (imo_id, channel_account_id) values ($1, $2)`,
          [a.imoId, b.channelAccountId],
        ),
        schedule: await attempt(
          owner,
          `update public.publications set status = 'scheduled', scheduled_at = now() + interval '1 day'
           where id = $1`,
          [id],
        ),
      };
      assert.equal(outcomes.markPublished, "denied");
      assert.equal(outcomes.markPublishing, "denied");
      assert.equal(outcomes.writeOutcome, "denied");
      assert.match(outcomes.otherImosAccount, /^(denied|error)/);
      assert.equal(outcomes.schedule, "allowed");

      // once it has gone out, nobody but the server touches it
      await sql`update public.publications set status = 'published', external_id = 'media-1',
        published_at = now() where id = ${id}`;
      assert.equal(
        await attempt(owner, `update public.publications set caption = 'x' where id = $1`, [id]),
        "filtered",
      );
      assert.equal(
        await attempt(owner, `delete from public.publications where id = $1`, [id]),
        "filtered",
      );

      // without schedules in the plan, no scheduled post
      await sql`update public.subscription_plans
        set features = '{"instagram_messaging": true}' where code = ${a.planCode}`;
      assert.equal(
        await attempt(
          owner,
          `insert into public.publications (imo_id, channel_account_id, status, scheduled_at)
           values ($1, $2, 'scheduled', now() + interval '1 day')`,
          [a.imoId, a.channelAccountId],
        ),
        "denied",
      );
    }),
);
