/** The HTML a person sees at the sandbox's login dialogs: choose an account, Approve or Deny. */
import { escapeHtml, htmlResponse } from "./http-helpers.ts";

export interface ConsentPage {
  title: string;
  appName: string;
  /** The dialog's own query, sent back with the decision. */
  query: URLSearchParams;
  choices: { value: string; label: string }[];
  scopes: string[];
}

const STYLE = `body{font:15px system-ui,sans-serif;max-width:28rem;margin:3rem auto;color:#111827}
.card{border:1px solid #e5e7eb;border-radius:12px;padding:1.5rem}ul{padding-left:1.2rem}
button{font:inherit;padding:.5rem 1.2rem;border-radius:8px;border:1px solid #d1d5db;margin-right:.5rem}
button[value=approve]{background:#2563eb;color:white;border-color:#2563eb}
.note{color:#6b7280;font-size:13px}`;

export function consentPage(page: ConsentPage): Response {
  const hidden = [...page.query]
    .filter(([key]) => !key.startsWith("sandbox_"))
    .map(([key, value]) =>
      `<input type="hidden" name="${escapeHtml(key)}" value="${escapeHtml(value)}">`
    )
    .join("");
  const chooser = page.choices.length > 1
    ? `<p><label>Continue as <select name="sandbox_account">${
      page.choices.map((c) =>
        `<option value="${escapeHtml(c.value)}">${escapeHtml(c.label)}</option>`
      )
        .join("")
    }</select></label></p>`
    : `<p>Continue as <strong>${escapeHtml(page.choices[0]?.label ?? "")}</strong></p>` +
      `<input type="hidden" name="sandbox_account" value="${
        escapeHtml(page.choices[0]?.value ?? "")
      }">`;
  return htmlResponse(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(page.title)}</title><style>${STYLE}</style></head><body><div class="card">
<h1>${escapeHtml(page.title)}</h1><p><strong>${escapeHtml(page.appName)}</strong> would like to:</p>
<ul>${page.scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join("")}</ul>
<form method="post">${hidden}${chooser}
<button type="submit" name="sandbox_decision" value="approve">Approve</button>
<button type="submit" name="sandbox_decision" value="deny">Deny</button></form>
<p class="note">Meta sandbox: no real Instagram or Facebook account is involved.</p></div></body></html>`);
}

export function dialogErrorPage(title: string, message: string): Response {
  return htmlResponse(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head><body><div class="card"><h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p></div></body></html>`,
    400,
  );
}

/** The dialog's parameters from the query (GET) or the posted consent form (POST). */
export async function dialogParams(request: Request): Promise<URLSearchParams> {
  const params = new URL(request.url).searchParams;
  if (request.method === "POST") {
    const form = new URLSearchParams(await request.text());
    for (const [key, value] of form) params.set(key, value);
  }
  return params;
}

/** Adds query parameters to a redirect URI that may already carry some, then an optional fragment. */
export function redirectTo(
  redirectUri: string,
  params: Record<string, string | undefined>,
  fragment?: string,
) {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  url.hash = "";
  return url.toString() + (fragment ?? "");
}
