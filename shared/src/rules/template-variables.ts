/**
 * Template variables: `{{first_name}}` and friends, rendered on the server when a template is used
 * in a conversation. A name outside `TEMPLATE_VARIABLES` is an error at save time and at render
 * time, never silently sent as literal braces.
 */
export const TEMPLATE_VARIABLES = [
  "first_name",
  "last_name",
  "full_name",
  "username",
  "recruiter_name",
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The variable names `content` uses, in order of first use. */
export function variablesIn(content: string): string[] {
  return [...new Set([...content.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/** The names `content` uses that are not template variables. */
export function unknownVariables(content: string): string[] {
  const known = new Set<string>(TEMPLATE_VARIABLES);
  return variablesIn(content).filter((name) => !known.has(name));
}

/**
 * `content` with every variable replaced. A value that is unknown for this contact (no display
 * name yet) falls back so the greeting still reads: first name → username → "there".
 */
export function renderTemplate(
  content: string,
  values: Partial<Record<TemplateVariable, string | null>>,
): string {
  const unknown = unknownVariables(content);
  if (unknown.length) throw new RangeError(`Unknown template variables: ${unknown.join(", ")}`);
  const firstName = values.first_name || values.username || "there";
  const filled: Record<TemplateVariable, string> = {
    first_name: firstName,
    last_name: values.last_name || "",
    full_name: values.full_name || firstName,
    username: values.username || firstName,
    recruiter_name: values.recruiter_name || "",
  };
  return content.replace(PLACEHOLDER, (_, name: TemplateVariable) => filled[name]);
}
