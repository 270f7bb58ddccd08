/**
 * How healthy a connected channel account is, for the Settings page and the connected-accounts
 * function: status, token countdown, granted versus required scopes, webhook and error recency.
 */

/** What each login path must grant for messaging (Meta: Instagram Login and Facebook Login). */
export const REQUIRED_SCOPES = {
  instagram_login: ["instagram_business_basic", "instagram_business_manage_messages"],
  facebook_login: [
    "instagram_basic",
    "instagram_manage_messages",
    "pages_manage_metadata",
    "pages_show_list",
    "pages_read_engagement",
  ],
  app_password: [],
} as const satisfies Record<string, readonly string[]>;

export type AuthPath = keyof typeof REQUIRED_SCOPES;

/**
 * Asked for on connect besides the required ones: comments, for the Comments page and keyword
 * rules (docs/meta-platform.md §9). Not required: an account without them still messages.
 */
export const COMMENT_SCOPES = {
  instagram_login: ["instagram_business_manage_comments"],
  facebook_login: ["instagram_manage_comments"],
  app_password: [],
} as const satisfies Record<AuthPath, readonly string[]>;

/**
 * Asked for on connect besides the required ones: content publishing, for the Publishing page
 * (docs/meta-platform.md §7). Not required either: an account without it still messages.
 */
export const PUBLISH_SCOPES = {
  instagram_login: ["instagram_business_content_publish"],
  facebook_login: ["instagram_content_publish"],
  app_password: [],
} as const satisfies Record<AuthPath, readonly string[]>;

/**
 * Asked for on connect for Insights (docs/meta-platform.md §6): account insights of Instagram
 * (either login path) and, through Facebook Login, the Page's. Not required for messaging; an
 * account without them is synced without insights and the health console says how to fix it.
 */
export const INSIGHTS_SCOPES = {
  instagram_login: ["instagram_business_manage_insights"],
  facebook_login: ["instagram_manage_insights", "read_insights"],
  app_password: [],
} as const satisfies Record<AuthPath, readonly string[]>;

/** Everything the consent dialog asks for. */
export const connectScopes = (path: AuthPath): string[] => [
  ...REQUIRED_SCOPES[path],
  ...COMMENT_SCOPES[path],
  ...PUBLISH_SCOPES[path],
  ...INSIGHTS_SCOPES[path],
];

/** Long-lived Instagram tokens last 60 days; we refresh from day 53. */
export const TOKEN_REFRESH_LEAD_MS = 7 * 24 * 60 * 60 * 1000;
/** No webhook for this long on a connected account is worth a look. */
export const WEBHOOK_QUIET_MS = 7 * 24 * 60 * 60 * 1000;
/** A Bluesky account is polled every minute: no successful poll for this long is worth a look. */
export const POLL_QUIET_MS = 10 * 60 * 1000;

export interface AccountHealthInput {
  status: "connected" | "disconnected" | "expired" | "error";
  auth_path: AuthPath;
  token_expires_at: string | null;
  scopes: readonly string[];
  last_webhook_at: string | null;
  /** Bluesky (app_password) accounts are polled instead of called by webhooks */
  last_polled_at?: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

export interface AccountHealth {
  status: AccountHealthInput["status"];
  token_expires_at: string | null;
  /** null when the token does not expire (Page tokens) or there is none */
  token_expires_in_seconds: number | null;
  token_refresh_due: boolean;
  required_scopes: string[];
  granted_scopes: string[];
  missing_scopes: string[];
  last_webhook_at: string | null;
  webhooks_quiet: boolean;
  last_error: string | null;
  last_error_at: string | null;
  needs_reconnect: boolean;
}

export function accountHealth(account: AccountHealthInput, now: Date = new Date()): AccountHealth {
  const required = [...REQUIRED_SCOPES[account.auth_path]];
  const granted = [...account.scopes];
  const missing = required.filter((scope) => !granted.includes(scope));
  const expiresAt = account.token_expires_at ? new Date(account.token_expires_at).getTime() : null;
  const msLeft = expiresAt === null ? null : expiresAt - now.getTime();
  // what "quiet" means depends on how the platform reaches us: webhooks, or our own polling
  const polled = account.auth_path === "app_password";
  const heardAt = polled ? account.last_polled_at : account.last_webhook_at;
  const webhookAt = heardAt ? new Date(heardAt).getTime() : null;
  const quietAfter = polled ? POLL_QUIET_MS : WEBHOOK_QUIET_MS;
  const connected = account.status === "connected";
  return {
    status: account.status,
    token_expires_at: account.token_expires_at,
    token_expires_in_seconds: msLeft === null ? null : Math.max(0, Math.floor(msLeft / 1000)),
    token_refresh_due: connected && msLeft !== null && msLeft <= TOKEN_REFRESH_LEAD_MS,
    required_scopes: required,
    granted_scopes: granted,
    missing_scopes: missing,
    last_webhook_at: account.last_webhook_at,
    webhooks_quiet: connected &&
      (webhookAt === null || now.getTime() - webhookAt > quietAfter),
    last_error: account.last_error,
    last_error_at: account.last_error_at,
    needs_reconnect: account.status === "expired" || account.status === "error" ||
      missing.length > 0 ||
      (msLeft !== null && msLeft <= 0),
  };
}
