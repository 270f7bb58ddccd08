/**
 * The publishing function against the Meta sandbox (docs/meta-platform.md §7): a carousel through
 * containers, status polls and media_publish; the publishing limit read first and a post over it
 * refused with a clear message, kept as a draft; what Instagram cannot fetch; a scheduled post
 * that goes out once from the cron's pass (injected clock), however many passes run at once.
 */
import assert from "node:assert/strict";
import type { Publication } from "../../../shared/src/contracts/publishing.ts";
import { connectSandboxAccount } from "../../../scripts/testing/connected-account.ts";
import { sandbox, sandboxUrl } from "../../../scripts/testing/meta-sandbox-client.ts";
import {
  callFunction,
  createWorkspace,
  type Workspace,
} from "../../../scripts/testing/workspace.ts";
import { processDuePublications } from "../_shared/publishing/process-scheduled.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const MINUTE = 60_000;

interface Container {
  id: string;
  kind: "IMAGE" | "CAROUSEL";
  isCarouselItem: boolean;
  children?: string[];
  caption?: string;
  altText?: string;
  mediaId?: string;
  statusReads: string[];
}

const image = (name: string, alt = "") => ({
  url: `${sandboxUrl()}/_sandbox/media/${name}.jpg`,
  alt_text: alt,
});

async function call(
  workspace: Workspace,
  path: string,
  init: { method?: string; body?: unknown } = {},
) {
  const response = await callFunction(workspace, `publishing${path}`, init);
  const text = await response.text();
  // deno-lint-ignore no-explicit-any
  return { status: response.status, body: JSON.parse(text) as any, text };
}

async function draft(workspace: Workspace, body: Record<string, unknown>): Promise<Publication> {
  const created = await call(workspace, "/posts", { body });
  assert.equal(created.status, 201, created.text);
  return created.body.publication;
}

const containersOf = (igAccountId: string) =>
  sandbox<Container[]>(`containers?account=${igAccountId}`);

Deno.test(
  "a carousel goes out through item containers, their status, the carousel and media_publish",
  options,
  async () => {
    const admin = await createWorkspace({ plan: "team", label: "publish-carousel" });
    try {
      const account = await connectSandboxAccount(admin);
      const caption = "Open day on Friday! #hiring #recruiting";
      const post = await draft(admin, {
        channel_account_id: account.accountId,
        caption,
        media: [image("office", "Our office"), image("team", "The team"), image("desk")],
      });
      assert.equal(post.status, "draft");
      assert.equal(post.platform, "instagram");

      const published = await call(admin, `/posts/${post.id}/publish`, { body: {} });
      assert.equal(published.status, 200, published.text);
      const result: Publication = published.body.publication;
      assert.equal(result.status, "published");
      assert.match(result.permalink ?? "", /^https:\/\/www\.instagram\.com\/p\//);
      assert.equal(result.error_message, null);

      const containers = await containersOf(account.igAccountId);
      const items = containers.filter((c) => c.isCarouselItem);
      const carousels = containers.filter((c) => c.kind === "CAROUSEL");
      assert.equal(items.length, 3, "one container per image");
      assert.equal(carousels.length, 1, "and one carousel");
      const carousel = carousels[0]!;
      assert.deepEqual(
        new Set(carousel.children),
        new Set(items.map((item) => item.id)),
        "the carousel holds the item containers",
      );
      assert.deepEqual(
        items.map((item) => item.altText ?? "").sort(),
        ["", "Our office", "The team"],
      );
      assert.equal(carousel.caption, caption);
      assert.equal(carousel.mediaId, result.external_id, "the carousel was published");
      // the status was read until FINISHED before the carousel was made and published
      for (const container of [...items, carousel]) {
        assert.equal(container.statusReads.at(-1), "FINISHED", JSON.stringify(container));
      }
      assert.ok(
        [...items, carousel].some((c) => c.statusReads[0] === "IN_PROGRESS"),
        "a container was still in progress at the first read, and was polled again",
      );

      // the post is one the Comments view knows
      const [row] = await admin.sql`
        select media_type, caption, permalink, external_id from public.posts where id = ${result.post_id}`;
      assert.deepEqual({ ...row }, {
        media_type: "CAROUSEL_ALBUM",
        caption,
        permalink: result.permalink,
        external_id: result.external_id,
      });
      // a carousel counts once against the limit
      const quota = await call(admin, `/accounts/${account.accountId}/quota`);
      assert.equal(quota.status, 200, quota.text);
      assert.deepEqual(quota.body, {
        quota_usage: 1,
        quota_total: 100,
        quota_duration_seconds: 86400,
      });

      const again = await call(admin, `/posts/${post.id}/publish`, { body: {} });
      assert.equal(again.status, 409, "a published post does not go out twice");
      assert.equal(again.body.error.code, "already_published");
    } finally {
      await admin.close();
    }
  },
);

Deno.test(
  "a Page-linked account (Facebook Login) publishes one image on graph.facebook.com",
  options,
  async () => {
    const admin = await createWorkspace({ plan: "team", label: "publish-facebook" });
    try {
      const account = await connectSandboxAccount(admin, { loginPath: "facebook_login" });
      const post = await draft(admin, {
        channel_account_id: account.accountId,
        caption: "One photo",
        media: [image("single", "The office")],
      });
      const published = await call(admin, `/posts/${post.id}/publish`, { body: {} });
      assert.equal(published.status, 200, published.text);
      assert.equal(published.body.publication.status, "published");
      const [single] = await containersOf(account.igAccountId);
      assert.deepEqual(
        [single!.kind, single!.isCarouselItem, single!.altText, single!.caption],
        ["IMAGE", false, "The office", "One photo"],
      );
      assert.equal(single!.mediaId, published.body.publication.external_id);
    } finally {
      await admin.close();
    }
  },
);

Deno.test(
  "over the publishing limit a post is refused before any container, and kept as a draft with why",
  options,
  async () => {
    const admin = await createWorkspace({ plan: "team", label: "publish-limit" });
    try {
      const account = await connectSandboxAccount(admin);
      // the account has published 100 posts in the last 24 hours (through any app)
      await sandbox(`accounts/${account.igAccountId}/publishing-usage`, { count: 100 });
      const post = await draft(admin, {
        channel_account_id: account.accountId,
        caption: "Deal of the Day",
        media: [image("deal", "Today's deal")],
      });

      const refused = await call(admin, `/posts/${post.id}/publish`, { body: {} });
      assert.equal(refused.status, 422, refused.text);
      assert.equal(refused.body.error.code, "publishing_limit");
      assert.match(
        refused.body.error.message,
        /Instagram's publishing limit is reached: 100 of 100 posts in 24 hours/,
      );
      assert.deepEqual(await containersOf(account.igAccountId), [], "the quota was read first");

      const [row] = await admin.sql`
        select status::text, error_code, error_message, caption, media
        from public.publications where id = ${post.id}`;
      assert.equal(row!.status, "failed");
      assert.equal(row!.error_code, "publishing_limit");
      assert.equal(row!.error_message, refused.body.error.message);
      assert.equal(row!.caption, "Deal of the Day", "the draft is kept");
      assert.deepEqual(row!.media, [image("deal", "Today's deal")]);

      // a fix makes it a draft again
      const edited = await call(admin, `/posts/${post.id}`, {
        method: "PATCH",
        body: { caption: "Deal of the Day, tomorrow" },
      });
      assert.equal(edited.status, 200, edited.text);
      assert.equal(edited.body.publication.status, "draft");
    } finally {
      await admin.close();
    }
  },
);

Deno.test(
  "Instagram's limits are checked before anything is sent, and an image Instagram cannot fetch fails the post",
  options,
  async () => {
    const admin = await createWorkspace({ plan: "team", label: "publish-refusals" });
    try {
      const account = await connectSandboxAccount(admin);
      const tags = Array.from({ length: 31 }, (_, i) => `#tag${i}`).join(" ");
      const tooMany = await draft(admin, {
        channel_account_id: account.accountId,
        caption: tags,
        media: [image("one")],
      });
      const refused = await call(admin, `/posts/${tooMany.id}/publish`, { body: {} });
      assert.equal(refused.status, 422);
      assert.equal(refused.body.error.message, "Instagram allows 30 hashtags; this has 31");
      assert.deepEqual(await containersOf(account.igAccountId), []);

      const unreachable = await draft(admin, {
        channel_account_id: account.accountId,
        caption: "Hello",
        media: [{ url: "http://127.0.0.1:9/missing.jpg", alt_text: "" }],
      });
      const failed = await call(admin, `/posts/${unreachable.id}/publish`, { body: {} });
      assert.equal(failed.status, 422, failed.text);
      assert.equal(failed.body.error.code, "media_unreachable");
      assert.match(failed.body.error.message, /public web address \(9004\/2207052\)$/);

      // both stay listed with their state
      const listed = await call(admin, `/posts?imo_id=${admin.imoId}`);
      assert.deepEqual(
        listed.body.publications.map((p: Publication) => p.status).sort(),
        ["draft", "failed"],
      );
    } finally {
      await admin.close();
    }
  },
);

Deno.test(
  "a scheduled post goes out once from the cron's pass, however many passes run at once",
  options,
  async () => {
    const admin = await createWorkspace({ plan: "team", label: "publish-schedule" });
    try {
      const account = await connectSandboxAccount(admin);
      const post = await draft(admin, {
        channel_account_id: account.accountId,
        caption: "Scheduled hello",
        media: [image("scheduled", "A wave")],
      });
      const at = Date.now() + 60 * MINUTE;
      const scheduled = await call(admin, `/posts/${post.id}/schedule`, {
        body: { scheduled_at: new Date(at).toISOString() },
      });
      assert.equal(scheduled.status, 200, scheduled.text);
      assert.equal(scheduled.body.publication.status, "scheduled");
      const past = await call(admin, `/posts/${post.id}/schedule`, {
        body: { scheduled_at: new Date(Date.now() - MINUTE).toISOString() },
      });
      assert.equal(past.status, 422, "a time that has passed is refused");

      const scope = { ids: [post.id], pollDelaysMs: [100, 200, 400, 800] };
      const early = await processDuePublications({ ...scope, clock: () => new Date(at - MINUTE) });
      assert.equal(early.claimed, 0, "not due a minute early");

      const due = () => new Date(at + MINUTE);
      const passes = await Promise.all(
        [1, 2, 3].map(() => processDuePublications({ ...scope, clock: due })),
      );
      assert.equal(passes.reduce((sum, pass) => sum + pass.claimed, 0), 1, JSON.stringify(passes));
      assert.equal(passes.reduce((sum, pass) => sum + pass.published, 0), 1);
      const later = await processDuePublications({
        ...scope,
        clock: () => new Date(at + 5 * MINUTE),
      });
      assert.equal(later.claimed, 0, "and never again");

      const published = (await containersOf(account.igAccountId)).filter((c) => c.mediaId);
      assert.equal(published.length, 1, "Instagram got one post");
      const [row] = await admin.sql`
        select status::text, external_id, attempts from public.publications where id = ${post.id}`;
      assert.deepEqual({ ...row }, {
        status: "published",
        external_id: published[0]!.mediaId,
        attempts: 1,
      });
    } finally {
      await admin.close();
    }
  },
);

Deno.test(
  "a run that stopped half way is failed with why, not published again",
  options,
  async () => {
    const admin = await createWorkspace({ plan: "team", label: "publish-interrupted" });
    try {
      const account = await connectSandboxAccount(admin);
      const post = await draft(admin, {
        channel_account_id: account.accountId,
        caption: "Interrupted",
        media: [image("interrupted")],
      });
      await admin.sql`update public.publications
        set status = 'publishing', lease_until = now() - interval '1 minute'
        where id = ${post.id}`;
      const pass = await processDuePublications({ ids: [post.id] });
      // the every-minute run (the same code, for every IMO) may have taken it a moment before
      const { interrupted, ...rest } = pass;
      assert.deepEqual(rest, { claimed: 0, published: 0, failed: 0 });
      assert.ok(interrupted <= 1);
      const [row] = await admin.sql`
        select status::text, error_code from public.publications where id = ${post.id}`;
      assert.deepEqual({ ...row }, { status: "failed", error_code: "interrupted" });
      assert.deepEqual(await containersOf(account.igAccountId), []);
    } finally {
      await admin.close();
    }
  },
);
