/**
 * The Graph `fields` parameter: `id,name,instagram_business_account{id,username}` and
 * `messages.limit(5){id,created_time}` (§1B "common pattern", §4 "Calls").
 */
import { graphErrors } from "./graph-errors.ts";

export interface FieldSpec {
  name: string;
  children?: FieldSpec[];
  limit?: number;
}

export function parseFields(text: string | undefined): FieldSpec[] | undefined {
  if (!text?.trim()) return undefined;
  const specs: FieldSpec[] = [];
  let i = 0;
  const parseList = (into: FieldSpec[], closing?: string) => {
    while (i < text.length) {
      const start = i;
      while (i < text.length && /[A-Za-z0-9_]/.test(text[i]!)) i++;
      const spec: FieldSpec = { name: text.slice(start, i) };
      while (text[i] === ".") {
        const modifier = /^\.(\w+)\(([^)]*)\)/.exec(text.slice(i));
        if (!modifier) break;
        if (modifier[1] === "limit") spec.limit = Number(modifier[2]);
        i += modifier[0].length;
      }
      if (text[i] === "{") {
        i++;
        spec.children = [];
        parseList(spec.children, "}");
      }
      if (spec.name) into.push(spec);
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (closing && text[i] === closing) {
        i++;
        return;
      }
      if (i < text.length && text[i] !== ",") i++; // skip spaces and stray characters
    }
  };
  parseList(specs);
  return specs;
}

/** Names asked for, or the defaults when `fields` was not given. */
export function fieldNames(specs: FieldSpec[] | undefined, defaults: string[]): string[] {
  return specs ? specs.map((s) => s.name) : defaults;
}

export function childFields(specs: FieldSpec[] | undefined, name: string): FieldSpec | undefined {
  return specs?.find((s) => s.name === name);
}

/**
 * Keeps the requested fields of `values` (functions are computed lazily); Graph always answers `id`
 * too. Undefined values are left out, as Graph omits what a node lacks (e.g. a Page's
 * `instagram_business_account` when none is linked, §1B). A field the node type does not have is
 * Graph's "(#100) Tried accessing nonexisting field" error, so typos fail here as they would at Meta.
 */
export function pickFields(
  values: Record<string, unknown | ((spec: FieldSpec) => unknown)>,
  specs: FieldSpec[] | undefined,
  defaults: string[],
  nodeType: string,
): Record<string, unknown> {
  const wanted = specs ?? defaults.map((name) => ({ name }));
  const result: Record<string, unknown> = {};
  for (const spec of wanted) {
    if (!(spec.name in values)) {
      throw graphErrors.invalidParameter(
        `Tried accessing nonexisting field (${spec.name}) on node type (${nodeType})`,
      );
    }
    const raw = values[spec.name];
    const value = typeof raw === "function" ? (raw as (s: FieldSpec) => unknown)(spec) : raw;
    if (value !== undefined) result[spec.name] = value;
  }
  if ("id" in values && !("id" in result)) result.id = values.id;
  return result;
}
