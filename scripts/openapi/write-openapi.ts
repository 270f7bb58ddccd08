/**
 * Writes docs/openapi.json from the zod contracts: run after changing a contract or an operation.
 *
 *   node_modules/.bin/deno run -A scripts/openapi/write-openapi.ts
 */
import { openApiText } from "./build-openapi.ts";

const target = new URL("../../docs/openapi.json", import.meta.url);
await Deno.writeTextFile(target, openApiText());
console.log(`wrote ${target.pathname}`);
