import {
  createWorkspaceInputSchema,
  type CreateWorkspaceResponse,
} from "../../../../shared/src/contracts/workspaces.ts";
import { requireUser } from "../auth.ts";
import { withUser } from "../db.ts";
import { json } from "../http.ts";
import { parseBody } from "../validate.ts";

/**
 * POST workspaces: the caller creates an IMO on the Free plan and becomes its owner, in one
 * transaction (private.create_imo). Any signed-in user may: it is how a new sign-up starts.
 */
export async function createWorkspace(request: Request): Promise<Response> {
  const claims = await requireUser(request);
  const { name } = await parseBody(request, createWorkspaceInputSchema);
  const workspace = await withUser(claims, async (tx) => {
    const [created] = await tx<{ id: string }[]>`select private.create_imo(${name}) as id`;
    // a second statement: rows a function writes are not visible to the statement calling it
    const [row] = await tx<CreateWorkspaceResponse["workspace"][]>`
      select id as imo_id, name, slug from public.imos where id = ${created!.id}`;
    return row!;
  });
  const answer: CreateWorkspaceResponse = { workspace };
  return json(answer, 201);
}
