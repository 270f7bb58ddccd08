import { createBlueskyConnectHandler } from "../_shared/bluesky/connect-bluesky.ts";

Deno.serve(createBlueskyConnectHandler());
