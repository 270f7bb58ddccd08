import type { ConnectedAccountsResponse } from "@dm-desk/shared/contracts/connected-accounts";
import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";

type Account = ConnectedAccountsResponse["accounts"][number];

const DAY_MS = 24 * 60 * 60 * 1000;
export const WORKSPACE_ID = "00000000-0000-4000-8000-00000000a001";
export const OTHER_WORKSPACE_ID = "00000000-0000-4000-8000-00000000a002";

export function fakeWorkspace(overrides: Partial<MyWorkspace> = {}): MyWorkspace {
  return {
    imo_id: WORKSPACE_ID,
    name: "Northwind Recruiting",
    slug: "northwind",
    role: "owner",
    plan_code: "team",
    plan_name: "Team",
    features: {
      instagram_messaging: true,
      instagram_scheduled_messages: true,
      instagram_templates: true,
    },
    ...overrides,
  };
}

export const isoFromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

let accountCounter = 0;

/** A healthy Instagram Login account, 59 days left on its token, a webhook an hour ago. */
export function fakeAccount(
  overrides: Partial<Omit<Account, "health">> = {},
  health: Partial<Account["health"]> = {},
): Account {
  accountCounter += 1;
  const suffix = String(accountCounter).padStart(12, "0");
  const expiresAt = isoFromNow(59 * DAY_MS + 3_600_000);
  const account = {
    id: `00000000-0000-4000-8000-${suffix}`,
    imo_id: WORKSPACE_ID,
    connected_by: null,
    platform: "instagram" as const,
    auth_path: "instagram_login" as const,
    external_account_id: `1784140000${suffix}`,
    external_ids: [],
    facebook_page_id: null,
    linked_account_id: null,
    username: `recruit.${accountCounter}`,
    display_name: null,
    profile_picture_url: null,
    token_expires_at: expiresAt,
    token_issued_at: isoFromNow(-DAY_MS),
    token_refreshed_at: null,
    scopes: ["instagram_business_basic", "instagram_business_manage_messages"],
    human_agent_permission: false,
    status: "connected" as const,
    status_reason: null,
    last_webhook_at: isoFromNow(-3_600_000),
    last_error: null,
    last_error_at: null,
    connected_at: isoFromNow(-DAY_MS),
    disconnected_at: null,
    created_at: isoFromNow(-DAY_MS),
    updated_at: isoFromNow(-DAY_MS),
    ...overrides,
  };
  return {
    ...account,
    health: {
      status: account.status,
      token_expires_at: account.token_expires_at,
      token_expires_in_seconds: account.token_expires_at
        ? Math.max(0, Math.floor((Date.parse(account.token_expires_at) - Date.now()) / 1000))
        : null,
      token_refresh_due: false,
      required_scopes: ["instagram_business_basic", "instagram_business_manage_messages"],
      granted_scopes: account.scopes,
      missing_scopes: [],
      last_webhook_at: account.last_webhook_at,
      webhooks_quiet: false,
      last_error: account.last_error,
      last_error_at: account.last_error_at,
      needs_reconnect: false,
      ...health,
    },
  };
}
