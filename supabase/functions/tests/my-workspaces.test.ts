import assert from "node:assert/strict";
import { myWorkspacesResponseSchema } from "../../../shared/src/contracts/my-workspaces.ts";
import { callFunction, createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "my-workspaces lists only the caller's IMOs, with role and plan features",
  options,
  async () => {
    const mine = await createWorkspace({ plan: "team", role: "recruiter", label: "mine" });
    const other = await createWorkspace({ plan: "free", label: "other" });
    try {
      const response = await callFunction(mine, "my-workspaces");
      assert.equal(response.status, 200);
      const { workspaces } = myWorkspacesResponseSchema.parse(await response.json());
      assert.deepEqual(workspaces.map((w) => w.imo_id), [mine.imoId]);
      assert.equal(workspaces[0]!.role, "recruiter");
      assert.equal(workspaces[0]!.plan_code, "team");
      assert.equal(workspaces[0]!.features.instagram_messaging, true);

      await mine
        .sql`update public.imo_subscriptions set status = 'canceled' where imo_id = ${mine.imoId}`;
      const lapsed = myWorkspacesResponseSchema.parse(
        await (await callFunction(mine, "my-workspaces")).json(),
      );
      assert.equal(
        lapsed.workspaces[0]!.features.instagram_messaging,
        undefined,
        "a lapsed plan grants nothing",
      );
    } finally {
      await mine.close();
      await other.close();
    }
  },
);
