import { createWorkspacesHandler } from "../_shared/workspaces/routes.ts";

Deno.serve(createWorkspacesHandler());
