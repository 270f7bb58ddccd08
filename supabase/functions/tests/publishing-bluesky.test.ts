/**
 * The publishing function's Bluesky side on the local AT Protocol network: a post with an image
 * and its alt text goes out through the same code as bluesky-publish-post (docs/bluesky.md §4),
 * and a post without alt text is refused before anything is sent.
 */
import assert from "node:assert/strict";
import type { Publication } from "../../../shared/src/contracts/publishing.ts";
import { connectBlueskyAccount } from "../../../scripts/testing/bluesky-account.ts";
import { processAll } from "../../../scripts/testing/bluesky-network.ts";
import { callFunction, createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

// a 2×2 PNG, as the composer reads an uploaded picture
const PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==";

Deno.test("a Bluesky post with an image and its alt text is published", options, async () => {
  const admin = await createWorkspace({ plan: "team", label: "publish-bsky" });
  try {
    const acme = await connectBlueskyAccount(admin, "publishes");
    const text = "Deal of the Day 🔥 come work with us";
    const created = await callFunction(admin, "publishing/posts", {
      body: {
        channel_account_id: acme.accountId,
        caption: text,
        media: [{ url: `data:image/png;base64,${PNG_BASE64}`, alt_text: "A tiny red square" }],
      },
    });
    const draft = (await created.json()).publication as Publication;
    assert.equal(created.status, 201);
    assert.equal(draft.platform, "bluesky");

    const noAlt = await callFunction(admin, "publishing/posts", {
      body: {
        channel_account_id: acme.accountId,
        caption: "No alt",
        media: [{ url: `data:image/png;base64,${PNG_BASE64}`, alt_text: " " }],
      },
    });
    const noAltDraft = (await noAlt.json()).publication as Publication;
    const refused = await callFunction(admin, `publishing/posts/${noAltDraft.id}/publish`, {
      body: {},
    });
    const refusal = await refused.json();
    assert.equal(refused.status, 422);
    assert.equal(refusal.error.message, "Describe the image for people who cannot see it");

    const response = await callFunction(admin, `publishing/posts/${draft.id}/publish`, {
      body: {},
    });
    const body = await response.json();
    assert.equal(response.status, 200, JSON.stringify(body));
    const published = body.publication as Publication;
    assert.equal(published.status, "published");
    assert.match(
      published.external_id ?? "",
      new RegExp(`^at://${acme.did}/app\\.bsky\\.feed\\.post/`),
    );
    assert.match(published.permalink ?? "", /\/profile\/.+\/post\//);

    await processAll();
    const { data } = await acme.agent.getPosts({ uris: [published.external_id!] });
    const post = data.posts[0]!;
    assert.equal((post.record as { text: string }).text, text);
    const embed = post.embed as { $type: string; images: { alt: string }[] };
    assert.equal(embed.$type, "app.bsky.embed.images#view");
    assert.deepEqual(embed.images.map((i) => i.alt), ["A tiny red square"]);
  } finally {
    await admin.close();
  }
});
