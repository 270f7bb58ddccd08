import { createMyWorkspacesHandler } from "../_shared/my-workspaces.ts";

Deno.serve(createMyWorkspacesHandler());
