import { createDisconnectHandler } from "../_shared/connect/disconnect.ts";

Deno.serve(createDisconnectHandler());
