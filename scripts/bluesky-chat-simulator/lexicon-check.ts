/**
 * Every request and response of the simulator is checked against the published lexicons: the
 * `chat.bsky.*` documents shipped in @atproto/api (the same JSON as bluesky-social/atproto's
 * `lexicons/` folder), through @atproto/lexicon's validators.
 */
import { schemas } from "@atproto/api";
import { Lexicons } from "@atproto/lexicon";

const lexicons = new Lexicons(schemas);

export class InvalidRequest extends Error {}

interface ParamDef {
  type: string;
  items?: { type: string };
}

/** The method's definition (query or procedure), or undefined for an unknown NSID. */
export function methodDef(nsid: string) {
  const def = lexicons.getDef(nsid);
  if (def?.type !== "query" && def?.type !== "procedure") return undefined;
  return def as {
    type: "query" | "procedure";
    parameters?: { properties?: Record<string, ParamDef> };
  };
}

/**
 * Query strings carry text; the lexicon says which parameters are integers, booleans or arrays
 * (as the XRPC server of @atproto/xrpc-server decodes them). Unknown parameters are kept as text,
 * so the lexicon check sees them.
 */
export function decodeParams(nsid: string, query: URLSearchParams): Record<string, unknown> {
  const properties = methodDef(nsid)?.parameters?.properties ?? {};
  const params: Record<string, unknown> = {};
  for (const name of new Set(query.keys())) {
    const def = properties[name];
    const values = query.getAll(name);
    if (def?.type === "array") params[name] = values.map((v) => decodeScalar(def.items?.type, v));
    else params[name] = decodeScalar(def?.type, values[0]!);
  }
  return params;
}

function decodeScalar(type: string | undefined, value: string): unknown {
  if (type === "integer") return /^-?\d+$/.test(value) ? Number(value) : value;
  if (type === "boolean") return value === "true" ? true : value === "false" ? false : value;
  return value;
}

export function assertValidParams(nsid: string, params: Record<string, unknown>) {
  try {
    lexicons.assertValidXrpcParams(nsid, params);
  } catch (error) {
    throw new InvalidRequest((error as Error).message);
  }
}

export function assertValidInput(nsid: string, input: unknown) {
  try {
    lexicons.assertValidXrpcInput(nsid, input);
  } catch (error) {
    throw new InvalidRequest((error as Error).message);
  }
}

/** A response that breaks the lexicon is the simulator's own bug: it throws a plain Error. */
export function assertValidOutput(nsid: string, output: unknown) {
  lexicons.assertValidXrpcOutput(nsid, output);
}
