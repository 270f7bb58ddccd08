import { z } from "zod";
import { HttpError } from "./http.ts";

function fieldErrors(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

/** A body that is not JSON is a 400; JSON of the wrong shape is a 422 naming each field. */
export async function parseBody<T extends z.ZodType>(
  request: Request,
  schema: T,
): Promise<z.infer<T>> {
  let value: unknown;
  try {
    value = await request.json();
  } catch {
    throw new HttpError(400, "invalid_json", "The request body must be valid JSON");
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new HttpError(
      422,
      "validation_failed",
      "The request body is invalid",
      fieldErrors(result.error),
    );
  }
  return result.data;
}

/** Query strings carry no types, so a bad query is a 400 naming each parameter. */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const result = schema.safeParse(params);
  if (!result.success) {
    throw new HttpError(
      400,
      "invalid_query",
      "The query string is invalid",
      fieldErrors(result.error),
    );
  }
  return result.data;
}
