import assert from "node:assert/strict";
import type { MetaSandbox } from "./server.ts";
import { control, graph, startTestSandbox, testOptions } from "./test-support.ts";

const G = "graph.instagram.com/v25.0";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function publishingAccount(sandbox: MetaSandbox) {
  return await control<{ igAccountId: string; accessToken: string }>(sandbox, "POST", "accounts", {
    username: `publisher.${crypto.randomUUID().slice(0, 6)}`,
    loginPath: "instagram_login",
  });
}

async function container(
  sandbox: MetaSandbox,
  account: { igAccountId: string; accessToken: string },
  body: Record<string, unknown>,
) {
  return await graph(sandbox, `${G}/${account.igAccountId}/media`, {
    method: "POST",
    token: account.accessToken,
    body,
  });
}

async function statusOf(sandbox: MetaSandbox, token: string, id: string) {
  const answer = await graph(sandbox, `${G}/${id}`, {
    token,
    query: { fields: "status_code,status" },
  });
  return answer.body.status_code as string;
}

Deno.test(
  "content publishing: a carousel's items and the carousel go IN_PROGRESS → FINISHED, then publish once as a post",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const account = await publishingAccount(sandbox);
      const image = `${sandbox.url}/_sandbox/media/photo.jpg`;
      const items = [];
      for (const alt of ["Front", "Back"]) {
        const made = await container(sandbox, account, {
          image_url: image,
          is_carousel_item: "true",
          alt_text: alt,
        });
        assert.equal(made.status, 200, JSON.stringify(made.body));
        items.push(made.body.id as string);
      }
      assert.equal(await statusOf(sandbox, account.accessToken, items[0]!), "IN_PROGRESS");
      const early = await container(sandbox, account, {
        media_type: "CAROUSEL",
        children: items.join(","),
      });
      assert.deepEqual(
        [early.body.error.code, early.body.error.error_subcode],
        [9007, 2207027],
        "items still in progress",
      );
      await sleep(350);
      assert.equal(await statusOf(sandbox, account.accessToken, items[0]!), "FINISHED");
      const carousel = await container(sandbox, account, {
        media_type: "CAROUSEL",
        children: items.join(","),
        caption: "Two sides #hiring",
      });
      const notYet = await graph(sandbox, `${G}/${account.igAccountId}/media_publish`, {
        method: "POST",
        token: account.accessToken,
        body: { creation_id: carousel.body.id },
      });
      assert.equal(notYet.body.error.code, 9007, "the carousel is not ready yet");
      await sleep(350);
      const published = await graph(sandbox, `${G}/${account.igAccountId}/media_publish`, {
        method: "POST",
        token: account.accessToken,
        body: { creation_id: carousel.body.id },
      });
      assert.equal(published.status, 200, JSON.stringify(published.body));
      const media = await graph(sandbox, `${G}/${published.body.id}`, {
        token: account.accessToken,
        query: { fields: "caption,media_type,permalink" },
      });
      assert.equal(media.body.media_type, "CAROUSEL_ALBUM");
      assert.equal(media.body.caption, "Two sides #hiring");
      assert.match(media.body.permalink, /^https:\/\/www\.instagram\.com\/p\//);
      assert.equal(await statusOf(sandbox, account.accessToken, carousel.body.id), "PUBLISHED");

      const limit = await graph(sandbox, `${G}/${account.igAccountId}/content_publishing_limit`, {
        token: account.accessToken,
        query: { fields: "quota_usage,config" },
      });
      assert.deepEqual(limit.body, {
        data: [{ quota_usage: 1, config: { quota_total: 100, quota_duration: 86400 } }],
      });
    } finally {
      await sandbox.stop();
    }
  },
);

Deno.test(
  "content publishing: the documented refusals (limit, captions, unreachable images, non-images)",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const account = await publishingAccount(sandbox);
      const image = `${sandbox.url}/_sandbox/media/photo.jpg`;
      const longCaption = await container(sandbox, account, {
        image_url: image,
        caption: "x".repeat(2201),
      });
      assert.equal(longCaption.body.error.code, 100);
      assert.match(longCaption.body.error.message, /longer than 2200 characters/);
      const tags = await container(sandbox, account, {
        image_url: image,
        caption: Array.from({ length: 31 }, (_, i) => `#t${i}`).join(" "),
      });
      assert.match(tags.body.error.message, /more than 30 hashtags/);
      const mentions = await container(sandbox, account, {
        image_url: image,
        caption: Array.from({ length: 21 }, (_, i) => `@user${i}`).join(" "),
      });
      assert.match(mentions.body.error.message, /more than 20 @ tags/);

      const unreachable = await container(sandbox, account, {
        image_url: "http://127.0.0.1:9/nothing.jpg",
      });
      assert.deepEqual(
        [unreachable.status, unreachable.body.error.code, unreachable.body.error.error_subcode],
        [400, 9004, 2207052],
      );
      const notAnImage = await container(sandbox, account, {
        image_url: `${sandbox.url}/_sandbox/media/file.pdf`,
      });
      await sleep(350);
      assert.equal(await statusOf(sandbox, account.accessToken, notAnImage.body.id), "ERROR");

      const ok = await container(sandbox, account, { image_url: image });
      await sleep(350);
      await control(sandbox, "POST", `accounts/${account.igAccountId}/publishing-usage`, {
        count: 100,
      });
      const over = await graph(sandbox, `${G}/${account.igAccountId}/media_publish`, {
        method: "POST",
        token: account.accessToken,
        body: { creation_id: ok.body.id },
      });
      assert.deepEqual(
        [over.body.error.code, over.body.error.error_subcode],
        [9, 2207042],
        "the 24-hour limit",
      );
      // a day later the quota is free again
      const dayAgo = Date.now() - 24 * 60 * 60 * 1000 - 1000;
      const other = await publishingAccount(sandbox);
      const usage = await control<{ quota_usage: number }>(
        sandbox,
        "POST",
        `accounts/${other.igAccountId}/publishing-usage`,
        { count: 100, at: dayAgo },
      );
      assert.equal(usage.quota_usage, 0);

      // without the permission, no container
      await control(sandbox, "POST", `accounts/${account.igAccountId}/scopes`, {
        granted: ["instagram_business_basic"],
      });
      const denied = await container(sandbox, account, { image_url: image });
      assert.equal(denied.status, 403);
    } finally {
      await sandbox.stop();
    }
  },
);
