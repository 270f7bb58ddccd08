import type { AppError } from "@/lib/errors.ts";

/** What to tell a person whose connect was refused by a plan or role check, or anything else. */
export function connectErrorMessage(error: AppError, fallbackPrefix?: string): string {
  if (error.code === "plan_required") {
    return "Instagram messaging is part of the Team plan. Upgrade the workspace to connect accounts.";
  }
  if (error.code === "forbidden") {
    return "Only workspace owners and admins can connect accounts.";
  }
  return fallbackPrefix ? `${fallbackPrefix}: ${error.message}` : error.message;
}
