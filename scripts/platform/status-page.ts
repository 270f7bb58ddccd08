export interface ComponentStatus {
  name: string;
  up: boolean;
  detail: string;
}

export function statusHtml(
  components: ComponentStatus[],
  links: { label: string; href: string }[],
) {
  const rows = components.map((c) =>
    `<tr><td>${escape(c.name)}</td><td class="${c.up ? "up" : "down"}">${
      c.up ? "up" : "down"
    }</td>` +
    `<td>${escape(c.detail)}</td></tr>`
  ).join("");
  const linkList = links.map((l) => `<li><a href="${escape(l.href)}">${escape(l.label)}</a></li>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>DM Desk local platform</title>
<meta http-equiv="refresh" content="5">
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#1f2937}table{border-collapse:collapse}
td,th{padding:.4rem .8rem;border-bottom:1px solid #e5e7eb;text-align:left}.up{color:#047857;font-weight:600}
.down{color:#b91c1c;font-weight:600}</style></head><body><h1>DM Desk local platform</h1>
<table><thead><tr><th>component</th><th>state</th><th>detail</th></tr></thead><tbody>${rows}</tbody></table>
<ul>${linkList}</ul></body></html>`;
}

function escape(text: string) {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
