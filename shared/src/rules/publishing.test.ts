import assert from "node:assert/strict";
import { test } from "node:test";
import { publicationProblems } from "./publishing.ts";

const photo = { url: "https://example.com/a.jpg", alt_text: "" };

test("Instagram: a caption at its limits passes, one over each limit says which", () => {
  const atLimits = Array.from({ length: 30 }, (_, i) => `#t${i}`).join(" ") + " " +
    Array.from({ length: 20 }, (_, i) => `@u${i}`).join(" ");
  assert.deepEqual(
    publicationProblems("instagram", { caption: atLimits.padEnd(2200, "."), media: [photo] }),
    [],
  );
  assert.deepEqual(
    publicationProblems("instagram", { caption: "Hello #hiring", media: [photo] }),
    [],
  );
  const over = publicationProblems("instagram", {
    caption: "x".repeat(2201),
    media: [photo],
  });
  assert.deepEqual(over.map((p) => p.message), [
    "Instagram allows 2,200 characters; this is 2,201",
  ]);
  const tags = publicationProblems("instagram", {
    caption: Array.from({ length: 31 }, (_, i) => `#t${i}`).join(" "),
    media: [photo],
  });
  assert.deepEqual(tags.map((p) => p.message), ["Instagram allows 30 hashtags; this has 31"]);
  const mentions = publicationProblems("instagram", {
    caption: Array.from({ length: 21 }, (_, i) => `@u${i}`).join(" ") + " mail@example.com",
    media: [photo],
  });
  assert.deepEqual(mentions.map((p) => p.message), ["Instagram allows 20 @ tags; this has 21"]);
});

test("Instagram: one to ten images at public addresses", () => {
  assert.deepEqual(
    publicationProblems("instagram", { caption: "", media: [] }).map((p) => p.path),
    ["media"],
  );
  const eleven = Array.from({ length: 11 }, () => photo);
  assert.deepEqual(
    publicationProblems("instagram", { caption: "", media: eleven }).map((p) => p.message),
    ["A carousel holds up to 10 images"],
  );
  const upload = { url: "data:image/png;base64,AAAA", alt_text: "x" };
  assert.deepEqual(
    publicationProblems("instagram", { caption: "", media: [upload] }).map((p) => p.path),
    ["media.0.url"],
  );
});

test("Bluesky: text within 300 graphemes, up to four images, each with alt text", () => {
  const upload = { url: "data:image/png;base64,AAAA", alt_text: "A square" };
  assert.deepEqual(publicationProblems("bluesky", { caption: "Hi 👋🏽", media: [upload] }), []);
  assert.deepEqual(
    publicationProblems("bluesky", { caption: "👍🏽".repeat(301), media: [] }).map((p) => p.path),
    ["caption"],
  );
  const problems = publicationProblems("bluesky", {
    caption: "Hi",
    media: [...Array.from({ length: 4 }, () => upload), photo],
  });
  assert.deepEqual(problems.map((p) => p.path), ["media", "media.4.alt_text"]);
});
