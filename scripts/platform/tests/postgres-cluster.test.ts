/**
 * A clone under a folder only root may enter (root's 0700 home directory): Postgres runs as the
 * `postgres` user, which cannot walk into it, yet the platform's database must still start.
 */
import assert from "node:assert/strict";

// What `npm start` in such a clone does: start the cluster from a working directory inside it.
const startFromInside = `
  import postgres from "postgres";
  import { startPostgres } from ${JSON.stringify(new URL("../postgres.ts", import.meta.url).href)};
  const [dataDir, logFile] = Deno.args;
  const pg = await startPostgres({ dataDir, persistent: false, logFile });
  const sql = postgres(pg.url, { max: 1 });
  const [row] = await sql\`select current_user as user, current_setting('data_directory') as dir\`;
  await sql.end();
  await pg.stop();
  console.log(JSON.stringify(row));
`;

Deno.test({
  name: "a clone under a 0700 parent gets a running cluster, started from inside it (as root)",
  ignore: Deno.uid() !== 0,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const hidden = await Deno.makeTempDir({ prefix: "dmdesk-0700-" });
    await Deno.chmod(hidden, 0o700);
    try {
      const clone = `${hidden}/repo`;
      await Deno.mkdir(clone);
      const script = `${clone}/start-cluster.ts`;
      await Deno.writeTextFile(script, startFromInside);
      const run = await new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "-A",
          `--config=${new URL("../../../deno.json", import.meta.url).pathname}`,
          script,
          `${clone}/.local/postgres`,
          `${hidden}/postgres.log`,
        ],
        cwd: clone,
        stdout: "piped",
        stderr: "piped",
      }).output();
      const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
      assert.ok(run.success, `starting from inside the clone failed:\n${decode(run.stderr)}`);
      const row = JSON.parse(decode(run.stdout).trim().split("\n").at(-1)!);
      assert.equal(row.user, "postgres");
      assert.ok(!row.dir.startsWith(hidden), `cluster inside the hidden folder: ${row.dir}`);
      assert.equal((await Deno.stat(hidden)).mode! & 0o777, 0o700, "the parent's mode changed");
    } finally {
      await Deno.remove(hidden, { recursive: true });
    }
  },
});
