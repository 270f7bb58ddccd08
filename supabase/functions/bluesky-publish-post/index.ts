import { createBlueskyPublishHandler } from "../_shared/bluesky/publish-post.ts";

Deno.serve(createBlueskyPublishHandler());
