import { paths } from "@/config/paths.ts";

const AUTH_PATHS: string[] = [paths.auth.signIn.path, paths.auth.signUp.path];

// Only same-origin absolute paths are followed: a redirectTo of "//evil.example" or
// "https://evil.example" would otherwise turn the sign-in page into an open redirect.
export function resolveRedirectTarget(raw: string | null | undefined): string {
  const fallback = paths.app.messages.getHref();
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) {
    return fallback;
  }
  // Landing back on an auth screen after signing in would look like the sign-in failed.
  const pathname = raw.split(/[?#]/)[0] ?? "";
  return AUTH_PATHS.includes(pathname) ? fallback : raw;
}
