/** `GET /`: a page for a person to see the sandbox and DM an account as a lead. */
import { accountView } from "./account-views.ts";
import { findAccount } from "./directory.ts";
import type { SandboxServices } from "./graph-context.ts";
import { escapeHtml as e, htmlResponse, jsonResponse, redirectResponse } from "./http-helpers.ts";
import { leadSendsMessage } from "./lead-actions.ts";

export function controlPage(services: SandboxServices): Response {
  const { state } = services;
  const accounts = [...state.accounts.values()];
  const leads = [...state.leads.values()];
  const accountRows = accounts.map((a) => {
    const view = accountView(state, a);
    return `<tr><td>@${
      e(a.username)
    }</td><td><code>${a.igAccountId}</code></td><td><code>${a.meId}</code></td>
<td>${a.loginPath}${a.pageId ? ` (Page ${a.pageId})` : ""}</td><td>${
      e(view.subscribedFields.join(", ") || "—")
    }</td>
<td>${a.humanAgent ? "human agent " : ""}${a.dmsDisabled ? "DMs disabled" : ""}</td></tr>`;
  }).join("");
  const leadRows = leads.map((l) =>
    `<tr><td>${e(l.id)}</td><td>@${e(l.username)}</td><td>${e(l.name ?? "")}</td><td>${
      [...l.igsidByAccount].map(([acct, igsid]) =>
        `${e(state.accounts.get(acct)?.username ?? acct)}: <code>${igsid}</code>`
      )
        .join("<br>")
    }</td><td>${l.blocked ? "blocked" : ""}</td></tr>`
  ).join("");
  const deliveries = state.deliveries.slice(-15).reverse().map((d) =>
    `<tr><td>${new Date(d.at).toISOString().slice(11, 19)}</td><td>${
      e(String(d.status))
    }</td><td>${d.attempts}</td>
<td><code>${e(d.body.length > 160 ? `${d.body.slice(0, 160)}…` : d.body)}</code></td></tr>`
  ).join("");
  const sent = state.sent.slice(-10).reverse().map((s) =>
    `<tr><td>${new Date(s.at).toISOString().slice(11, 19)}</td><td>${e(s.recipientId)}</td><td>${
      s.outcome.ok
        ? "sent"
        : `error ${s.outcome.code}${s.outcome.subcode ? `/${s.outcome.subcode}` : ""}`
    }</td><td><code>${
      e(JSON.stringify(s.body.message ?? s.body.sender_action ?? ""))
    }</code></td></tr>`
  ).join("");
  const options = (items: { value: string; label: string }[]) =>
    items.map((i) => `<option value="${e(i.value)}">${e(i.label)}</option>`).join("");
  return htmlResponse(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Meta sandbox</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#1f2937}table{border-collapse:collapse;margin-bottom:1.5rem}
td,th{padding:.3rem .7rem;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top}code{font-size:12px}
form{margin-bottom:1.5rem}textarea{width:28rem;height:4rem}</style></head><body>
<h1>Meta sandbox</h1><p>Graph ${e(state.graphVersion)} · webhooks to <code>${
      e(state.webhookUrl ?? "(none)")
    }</code></p>
<form method="post" action="/_sandbox/ui/webhook-target"><input name="url" size="60" placeholder="http://127.0.0.1:54321/functions/v1/..." value="${
      e(state.webhookUrl ?? "")
    }">
<button>Set webhook target</button></form>
<h2>Send a DM as a lead</h2>
<form method="post" action="/_sandbox/ui/send"><p><label>Lead <select name="lead">${
      options(leads.map((l) => ({ value: l.id, label: `@${l.username}` })))
    }</select></label> → <label>Account <select name="account">${
      options(accounts.map((a) => ({ value: a.igAccountId, label: `@${a.username}` })))
    }</select></label></p><p><textarea name="text" required placeholder="Hi! Is the role still open?"></textarea></p>
<button>Send DM</button></form>
<h2>Accounts</h2><table><tr><th>username</th><th>IG account id (entry.id)</th><th>/me id</th><th>login</th><th>subscribed</th><th>flags</th></tr>${accountRows}</table>
<h2>Leads</h2><table><tr><th>id</th><th>username</th><th>name</th><th>IGSID per account</th><th></th></tr>${leadRows}</table>
<h2>Recent webhook deliveries</h2><table><tr><th>time</th><th>status</th><th>attempts</th><th>body</th></tr>${deliveries}</table>
<h2>Recent Send API calls</h2><table><tr><th>time</th><th>recipient</th><th>outcome</th><th>message</th></tr>${sent}</table>
<p>JSON: <a href="/_sandbox/state">/_sandbox/state</a> · <a href="/_sandbox/deliveries">/_sandbox/deliveries</a> · <a href="/_sandbox/sent">/_sandbox/sent</a></p>
</body></html>`,
  );
}

/** The page's two forms; both return to the page. */
export async function handleUiForm(services: SandboxServices, request: Request, action: string) {
  const form = new URLSearchParams(await request.text());
  const { state } = services;
  if (action === "webhook-target") {
    const url = form.get("url")?.trim();
    state.webhookUrl = url ? url : null;
    return redirectResponse("/");
  }
  if (action === "send") {
    const lead = state.leads.get(form.get("lead") ?? "");
    const account = findAccount(state, form.get("account") ?? "");
    const text = form.get("text") ?? "";
    if (!lead || !account || !text) {
      return jsonResponse({ error: "lead, account and text are required" }, 422);
    }
    await leadSendsMessage(
      { state, webhooks: services.webhooks, baseUrl: services.baseUrl },
      lead,
      account,
      { text },
    );
    return redirectResponse("/");
  }
  return jsonResponse({ error: `no form ${action}` }, 404);
}
