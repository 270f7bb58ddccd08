/**
 * A clone under a folder only root may enter (root's 0700 home directory): Postgres runs as the
 * `postgres` user, which cannot walk into it, yet the platform's database must still start.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { startPostgres } from "../postgres.ts";

Deno.test({
  name: "a state folder under a 0700 parent still gets a running cluster (as root)",
  ignore: Deno.uid() !== 0,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const hidden = await Deno.makeTempDir({ prefix: "dmdesk-0700-" });
    await Deno.chmod(hidden, 0o700);
    try {
      const pg = await startPostgres({
        dataDir: `${hidden}/state/postgres`,
        persistent: false,
        logFile: `${hidden}/postgres.log`,
      });
      const sql = postgres(pg.url, { max: 1 });
      try {
        const [row] = await sql<{ user: string; dir: string }[]>`
          select current_user as user, current_setting('data_directory') as dir`;
        assert.equal(row.user, "postgres");
        assert.ok(!row.dir.startsWith(hidden), `cluster inside the hidden folder: ${row.dir}`);
      } finally {
        await sql.end();
        await pg.stop();
      }
      assert.equal((await Deno.stat(hidden)).mode! & 0o777, 0o700, "the parent's mode changed");
    } finally {
      await Deno.remove(hidden, { recursive: true });
    }
  },
});
