import {
  FunctionsFetchError,
  FunctionsHttpError,
  FunctionsRelayError,
  isAuthError,
  isAuthRetryableFetchError,
} from "@supabase/supabase-js";
import { apiErrorBodySchema } from "@dm-desk/shared/contracts/api-error";

// One error type for the UI, so components never need to know whether a failure came from
// GoTrue, an edge function or the network.
export class AppError extends Error {
  override readonly name = "AppError";
  readonly code: string;
  readonly details?: unknown;

  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export const GENERIC_ERROR_MESSAGE = "Something went wrong. Please try again.";
const NETWORK_ERROR_MESSAGE = "Can't reach the server. Check your connection and try again.";

export async function toAppError(error: unknown): Promise<AppError> {
  if (error instanceof AppError) return error;
  if (error instanceof FunctionsHttpError) return await fromFunctionsHttpError(error);
  if (error instanceof FunctionsFetchError || error instanceof FunctionsRelayError) {
    return new AppError("network_error", NETWORK_ERROR_MESSAGE);
  }
  if (isAuthRetryableFetchError(error)) {
    return new AppError("network_error", NETWORK_ERROR_MESSAGE);
  }
  if (isAuthError(error)) {
    // GoTrue's messages ("Invalid login credentials", "User already registered") are written
    // for end users, so they are shown as-is.
    return new AppError(error.code ?? "auth_error", error.message || GENERIC_ERROR_MESSAGE);
  }
  if (error instanceof Error && error.message) {
    return new AppError("unknown", error.message);
  }
  return new AppError("unknown", GENERIC_ERROR_MESSAGE);
}

async function fromFunctionsHttpError(error: FunctionsHttpError): Promise<AppError> {
  const response: unknown = error.context;
  const status = response instanceof Response ? response.status : undefined;
  const fallback = new AppError(
    status ? `http_${status}` : "function_error",
    GENERIC_ERROR_MESSAGE,
  );
  if (!(response instanceof Response)) return fallback;
  try {
    // Clone so a caller that already holds the response can still read its body.
    const parsed = apiErrorBodySchema.safeParse(await response.clone().json());
    if (!parsed.success) return fallback;
    const { code, message, details } = parsed.data.error;
    return new AppError(code, message, details);
  } catch {
    return fallback;
  }
}
