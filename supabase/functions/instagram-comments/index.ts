import { createCommentsHandler } from "../_shared/comments/routes.ts";

Deno.serve(createCommentsHandler());
