/** The Meta sandbox's control API (scripts/meta-sandbox/README.md), as tests drive it. */
export function sandboxUrl(): string {
  const url = Deno.env.get("META_SANDBOX_URL");
  if (!url) throw new Error("META_SANDBOX_URL not set: run tests through `npm test`");
  return url;
}

export async function sandbox<T = Record<string, unknown>>(
  path: string,
  body?: unknown,
  method = body === undefined ? "GET" : "POST",
): Promise<T> {
  const response = await fetch(`${sandboxUrl()}/_sandbox/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

export interface SandboxAccount {
  igAccountId: string;
  meId: string;
  tokenUserId: string;
  pageId?: string;
  accessToken: string;
  userAccessToken?: string;
}

export const createSandboxAccount = (input: {
  username: string;
  loginPath: "instagram_login" | "facebook_login";
  withPage?: boolean;
  humanAgent?: boolean;
}) => sandbox<SandboxAccount>("accounts", input);
