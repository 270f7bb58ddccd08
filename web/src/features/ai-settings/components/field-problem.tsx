/** aria attributes of a field the settings' rules refused, tied to its message by id. */
export function problemProps(path: string, message: string | undefined) {
  return message ? { "aria-invalid": true as const, "aria-describedby": `ai-problem-${path}` } : {};
}

export function FieldProblem({ path, message }: { path: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span id={`ai-problem-${path}`} className="mt-1 block text-xs text-red-600 dark:text-red-400">
      {message}
    </span>
  );
}
