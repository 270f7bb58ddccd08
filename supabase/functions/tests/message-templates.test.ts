import assert from "node:assert/strict";
import {
  renderedTemplateSchema,
  templateListResponseSchema,
  templateResponseSchema,
} from "../../../shared/src/contracts/message-templates.ts";
import { addChannelAccount, addThread } from "../../../scripts/testing/inbox-fixture.ts";
import { callFunction, createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "templates: admins write, members list and render with the contact's names, soft delete",
  options,
  async () => {
    const admin = await createWorkspace({ plan: "pro", label: "templates" });
    const recruiter = await createWorkspace({
      plan: "pro",
      role: "recruiter",
      label: "templates-rec",
    });
    try {
      // the recruiter joins the admin's IMO
      await admin.sql`insert into public.imo_members (imo_id, user_id, role, display_name)
      values (${admin.imoId}, ${recruiter.userId}, 'recruiter', 'Rita')`;
      const created = await callFunction(admin, "message-templates", {
        body: {
          imo_id: admin.imoId,
          name: "Welcome",
          content: "Hi {{first_name}}, I'm {{recruiter_name}} from the agency.",
          category: "greeting",
        },
      });
      assert.equal(created.status, 201, await created.clone().text());
      const { template } = templateResponseSchema.parse(await created.json());
      assert.equal(template.created_by, admin.userId);
      assert.equal(template.use_count, 0);

      const unknown = await callFunction(admin, "message-templates", {
        body: {
          imo_id: admin.imoId,
          name: "Bad",
          content: "Hi {{firstname}}",
          category: "greeting",
        },
      });
      assert.equal(unknown.status, 422);
      assert.match(await unknown.text(), /Unknown variable \{\{firstname\}\}/);

      const duplicate = await callFunction(admin, "message-templates", {
        body: { imo_id: admin.imoId, name: "welcome", content: "Hello", category: "follow_up" },
      });
      assert.equal(duplicate.status, 409);
      await duplicate.body?.cancel();

      const byRecruiter = await callFunction(recruiter, "message-templates", {
        method: "PATCH",
        body: { id: template.id, content: "changed" },
      });
      assert.equal(byRecruiter.status, 403);
      await byRecruiter.body?.cancel();

      const listed = templateListResponseSchema.parse(
        await (await callFunction(recruiter, `message-templates?imo_id=${admin.imoId}`)).json(),
      );
      assert.deepEqual(listed.templates.map((t) => t.name), ["Welcome"]);

      const account = await addChannelAccount(admin);
      const thread = await addThread(admin, account, {
        username: "maria.g",
        displayName: "Maria Gonzalez",
      });
      const rendered = await callFunction(recruiter, "message-templates/render", {
        body: { template_id: template.id, conversation_id: thread.conversationId },
      });
      assert.equal(rendered.status, 200, await rendered.clone().text());
      assert.equal(
        renderedTemplateSchema.parse(await rendered.json()).text,
        "Hi Maria, I'm Rita from the agency.",
      );
      const [used] = await admin.sql`
        select use_count from public.message_templates where id = ${template.id}`;
      assert.equal(used!.use_count, 1, "a render counts one use");

      const edited = await callFunction(admin, "message-templates", {
        method: "PATCH",
        body: { id: template.id, category: "follow_up" },
      });
      assert.equal(
        templateResponseSchema.parse(await edited.json()).template.category,
        "follow_up",
      );

      const deleted = await callFunction(admin, `message-templates?id=${template.id}`, {
        method: "DELETE",
      });
      assert.equal(deleted.status, 204);
      const [row] = await admin
        .sql`select deleted_at from public.message_templates where id = ${template.id}`;
      assert.ok(row!.deleted_at, "kept, marked deleted");
      const after = templateListResponseSchema.parse(
        await (await callFunction(admin, `message-templates?imo_id=${admin.imoId}`)).json(),
      );
      assert.equal(after.templates.length, 0);
    } finally {
      await Promise.all([admin.close(), recruiter.close()]);
    }
  },
);

Deno.test(
  "templates: 402 on Free, 404 for a stranger, 404 for an unknown route",
  options,
  async () => {
    const free = await createWorkspace({ plan: "free", label: "templates-free" });
    const stranger = await createWorkspace({ plan: "pro", label: "templates-stranger" });
    try {
      const gated = await callFunction(free, `message-templates?imo_id=${free.imoId}`);
      assert.equal(gated.status, 402);
      assert.equal((await gated.json()).error.code, "plan_required");
      const foreign = await callFunction(stranger, `message-templates?imo_id=${free.imoId}`);
      assert.equal(foreign.status, 404);
      await foreign.body?.cancel();
      const route = await callFunction(stranger, "message-templates/nope");
      assert.equal(route.status, 404);
      assert.equal((await route.json()).error.code, "not_found");
    } finally {
      await Promise.all([free.close(), stranger.close()]);
    }
  },
);
