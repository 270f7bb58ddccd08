/** What every Graph handler gets: the state, the webhook dispatcher and the request in parsed form. */
import type { BackgroundTasks } from "./background-tasks.ts";
import type { GraphHost } from "./graph-errors.ts";
import type { Params } from "./http-helpers.ts";
import type {
  AccessToken,
  FacebookPage,
  FacebookUser,
  InstagramAccount,
  SandboxState,
} from "./sandbox-state.ts";
import type { WebhookDispatcher } from "./webhook-delivery.ts";

export interface SandboxServices {
  state: SandboxState;
  webhooks: WebhookDispatcher;
  background: BackgroundTasks;
  /** Delay before the echo webhook of a sent message ("shortly after", §2/§3). */
  echoDelayMs: number;
  /** Upper bound for a held "timeout" or "hold_answer" fault. */
  faultTimeoutMs: number;
  /** Answers withheld by a "hold_answer" fault, by fault id: calling one lets its answer go. */
  heldAnswers: Map<number, () => void>;
  baseUrl: string;
  /** Whether reset re-creates the demo data. */
  seed: boolean;
}

export interface GraphCall {
  host: GraphHost;
  /** "v25.0", or undefined for unversioned calls (Graph then uses its oldest available version). */
  version?: string;
  method: string;
  /** Path after host and version, e.g. ["me", "messages"]. */
  segments: string[];
  params: Params;
  request: Request;
  url: URL;
}

/** Who the token speaks for: an Instagram account, a Page (and its linked account) or a Facebook user. */
export interface Viewer {
  token: AccessToken;
  account?: InstagramAccount;
  page?: FacebookPage;
  user?: FacebookUser;
}
