import { z } from "zod";
import { apiErrorBodySchema } from "../../shared/src/contracts/api-error.ts";
import { type Operation, OPERATIONS } from "./operations.ts";

// Inputs are documented as a client sends them (before transforms), outputs as they arrive.
const inputSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "openapi-3.0" });
const outputSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "output", unrepresentable: "any", target: "openapi-3.0" });

function strip(schema: Record<string, unknown>) {
  const { $schema: _, ...rest } = schema;
  return rest;
}

function parameters(query: z.ZodObject | undefined) {
  if (!query) return undefined;
  const schema = inputSchema(query) as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    in: "query",
    required: schema.required?.includes(name) ?? false,
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
  }));
}

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } },
});

function pathParameters(path: string) {
  return [...path.matchAll(/\{([a-z_]+)\}/g)].map((match) => ({
    name: match[1]!,
    in: "path",
    required: true,
    schema: { type: "string", format: "uuid" },
  }));
}

function operation(op: Operation) {
  const allParameters = [...pathParameters(op.path), ...(parameters(op.query) ?? [])];
  return {
    operationId: `${op.method}-${op.fn}${
      op.path === "/" ? "" : op.path.replaceAll(/[{}]/g, "").replaceAll("/", "-")
    }`,
    summary: op.summary,
    ...(allParameters.length ? { parameters: allParameters } : {}),
    ...(op.body
      ? {
        requestBody: {
          required: true,
          content: { "application/json": { schema: strip(inputSchema(op.body)) } },
        },
      }
      : {}),
    responses: {
      [op.status]: op.response
        ? {
          description: "Success",
          content: { "application/json": { schema: strip(outputSchema(op.response)) } },
        }
        : { description: "Done, no body" },
      "400": errorResponse("A query or body that is not valid (invalid_query, invalid_json)"),
      "401": errorResponse("No valid user JWT"),
      "402": errorResponse(
        "plan_required: the IMO's plan lacks the feature; `required` names the plan",
      ),
      "403": errorResponse("The caller's role may not do this"),
      "404": errorResponse("Not found, or not visible to the caller (nothing is told)"),
      "422": errorResponse("validation_failed, with `details` naming each field"),
    },
  };
}

/** The OpenAPI 3.0 document of every client-facing function. */
export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const path = `/functions/v1/${op.fn}${op.path === "/" ? "" : op.path}`;
    (paths[path] ??= {})[op.method] = operation(op);
  }
  return {
    openapi: "3.0.3",
    info: {
      title: "DM Desk functions",
      version: "1",
      description:
        "Generated from the zod contracts in shared/src/contracts by scripts/openapi/write-openapi.ts; " +
        "do not edit. Every call carries `apikey: <anon key>` and `Authorization: Bearer <user JWT>`.",
    },
    servers: [{ url: "http://127.0.0.1:54321", description: "npm start" }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: { ApiError: strip(outputSchema(apiErrorBodySchema)) },
    },
  };
}

export const openApiText = () => `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
