import { createBlueskyPollHandler } from "../_shared/bluesky/poll-handler.ts";

Deno.serve(createBlueskyPollHandler());
