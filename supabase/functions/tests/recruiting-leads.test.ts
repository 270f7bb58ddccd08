import assert from "node:assert/strict";
import {
  leadListResponseSchema,
  leadPrefillSchema,
  leadResponseSchema,
} from "../../../shared/src/contracts/recruiting-leads.ts";
import { addChannelAccount, addThread, listInbox } from "../../../scripts/testing/inbox-fixture.ts";
import {
  callFunction,
  createWorkspace,
  type Workspace,
} from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

/** A lead created through the function: manual, or from `conversationId`. */
async function addLead(ws: Workspace, name: string, conversationId?: string) {
  const response = await callFunction(ws, "recruiting-leads", {
    body: {
      imo_id: ws.imoId,
      first_name: name,
      email: `${name}@example.com`,
      phone: "+442071838750",
      ...(conversationId ? { conversation_id: conversationId } : {}),
    },
  });
  assert.equal(response.status, 201, await response.clone().text());
  return leadResponseSchema.parse(await response.json()).lead;
}

Deno.test(
  "a lead from a conversation: names from the display name, validated contact details, linked both ways",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", role: "recruiter", label: "leads" });
    const stranger = await createWorkspace({ plan: "team", label: "leads-stranger" });
    try {
      const account = await addChannelAccount(ws);
      const thread = await addThread(ws, account, {
        username: "maria.jose",
        displayName: "Maria José Gonzalez",
      });

      const prefill = leadPrefillSchema.parse(
        await (await callFunction(
          ws,
          `recruiting-leads/prefill?conversation_id=${thread.conversationId}`,
        ))
          .json(),
      );
      assert.deepEqual(prefill, {
        first_name: "Maria",
        last_name: "José Gonzalez",
        instagram_username: "maria.jose",
        existing_lead_id: null,
        // nothing analysed in this thread: the AI has read no email or phone (ai-assistant.test.ts)
        email: null,
        phone: null,
      });

      const base = {
        imo_id: ws.imoId,
        first_name: prefill.first_name,
        last_name: prefill.last_name,
        conversation_id: thread.conversationId,
      };
      const badPhone = await callFunction(ws, "recruiting-leads", {
        body: { ...base, email: "maria@example.com", phone: "555-0123" },
      });
      assert.equal(badPhone.status, 422);
      assert.match(await badPhone.text(), /phone/);
      const noEmail = await callFunction(ws, "recruiting-leads", {
        body: { ...base, phone: "+14155550123" },
      });
      assert.equal(noEmail.status, 422);
      await noEmail.body?.cancel();

      const created = await callFunction(ws, "recruiting-leads", {
        body: { ...base, email: "maria@example.com", phone: "+1 (415) 555-0123" },
      });
      assert.equal(created.status, 201, await created.clone().text());
      const { lead } = leadResponseSchema.parse(await created.json());
      assert.equal(lead.full_name, "Maria José Gonzalez");
      assert.equal(lead.phone, "+14155550123");
      assert.equal(lead.lead_source, "instagram_dm");
      assert.equal(lead.instagram_username, "maria.jose");
      assert.equal(lead.conversation_id, thread.conversationId);
      assert.equal(lead.created_by, ws.userId);

      const [linked] = await ws.sql`
      select c.recruiting_lead_id as conversation_lead, k.recruiting_lead_id as contact_lead
      from public.conversations c join public.contacts k on k.id = c.contact_id
      where c.id = ${thread.conversationId}`;
      assert.deepEqual(linked, { conversation_lead: lead.id, contact_lead: lead.id });
      const inbox = await listInbox(ws);
      assert.equal(inbox.conversations[0]!.lead?.id, lead.id, "the inbox shows the lead badge");

      const again = await callFunction(ws, "recruiting-leads", {
        body: { ...base, email: "maria@example.com", phone: "+14155550123" },
      });
      assert.equal(again.status, 409);
      await again.body?.cancel();

      const updated = await callFunction(ws, "recruiting-leads", {
        method: "PATCH",
        body: { id: lead.id, status: "contacted", notes: "Called on Monday" },
      });
      assert.equal(leadResponseSchema.parse(await updated.json()).lead.status, "contacted");
      const foreignOwner = await callFunction(ws, "recruiting-leads", {
        method: "PATCH",
        body: { id: lead.id, owner_user_id: stranger.userId },
      });
      assert.equal(foreignOwner.status, 422);
      await foreignOwner.body?.cancel();

      const list = leadListResponseSchema.parse(
        await (await callFunction(ws, `recruiting-leads?imo_id=${ws.imoId}&status=contacted`))
          .json(),
      );
      assert.deepEqual(list.leads.map((l) => l.id), [lead.id]);

      const hidden = await callFunction(stranger, `recruiting-leads/lead?id=${lead.id}`);
      assert.equal(hidden.status, 404);
      await hidden.body?.cancel();
      const intoForeign = await callFunction(stranger, "recruiting-leads", {
        body: { ...base, imo_id: stranger.imoId, email: "x@example.com", phone: "+14155550123" },
      });
      assert.equal(intoForeign.status, 404, "another IMO's conversation cannot become your lead");
      await intoForeign.body?.cancel();
    } finally {
      await Promise.all([ws.close(), stranger.close()]);
    }
  },
);

Deno.test(
  "leads list pages by creation time; a manual lead has no source conversation",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "free", label: "leads-list" });
    try {
      for (const name of ["Ann", "Bo", "Cy"]) await addLead(ws, name);
      const first = leadListResponseSchema.parse(
        await (await callFunction(ws, `recruiting-leads?imo_id=${ws.imoId}&limit=2`)).json(),
      );
      assert.deepEqual(first.leads.map((l) => l.full_name), ["Cy", "Bo"]);
      assert.equal(first.leads[0]!.lead_source, "manual");
      const second = leadListResponseSchema.parse(
        await (await callFunction(
          ws,
          `recruiting-leads?imo_id=${ws.imoId}&limit=2&cursor=${first.next_cursor}`,
        ))
          .json(),
      );
      assert.deepEqual(second.leads.map((l) => l.full_name), ["Ann"]);
      assert.equal(second.next_cursor, null);
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "leads list filters by source on the server, across pages and with status; a bad source is a 400",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "leads-source" });
    const other = await createWorkspace({ plan: "team", label: "leads-source-other" });
    try {
      const list = async (workspace: typeof ws, query: string) => {
        const response = await callFunction(
          workspace,
          `recruiting-leads?imo_id=${workspace.imoId}${query}`,
        );
        assert.equal(response.status, 200, await response.clone().text());
        return leadListResponseSchema.parse(await response.json());
      };
      // Oldest first: manual Ann, a DM lead, manual Bo, a referral, manual Cy.
      const account = await addChannelAccount(ws);
      const thread = await addThread(ws, account, { username: "dm.lead", displayName: "Dee Em" });
      await addLead(ws, "Ann");
      await addLead(ws, "Dee", thread.conversationId);
      const bo = await addLead(ws, "Bo");
      // no API writes a referral yet: as an import would store it
      for (const workspace of [ws, other]) {
        await workspace.sql`insert into public.recruiting_leads
          (imo_id, full_name, email, phone, lead_source)
          values (${workspace.imoId}, 'Ref Erral', 'ref@example.com', '+442071838750', 'referral')`;
      }
      await addLead(ws, "Cy");

      const firstPage = await list(ws, "&source=manual&limit=2");
      assert.deepEqual(firstPage.leads.map((l) => l.full_name), ["Cy", "Bo"]);
      assert.ok(firstPage.next_cursor, "a third manual lead is left");
      const secondPage = await list(ws, `&source=manual&limit=2&cursor=${firstPage.next_cursor}`);
      assert.deepEqual(
        secondPage.leads.map((l) => l.full_name),
        ["Ann"],
        "the cursor keeps the filter",
      );
      assert.equal(secondPage.next_cursor, null);

      assert.deepEqual((await list(ws, "&source=instagram_dm")).leads.map((l) => l.full_name), [
        "Dee",
      ]);
      assert.deepEqual(
        (await list(ws, "&source=referral")).leads.map((l) => l.full_name),
        ["Ref Erral"],
        "only this IMO's referral",
      );
      assert.deepEqual((await list(ws, "&source=website")).leads, []);

      const updated = await callFunction(ws, "recruiting-leads", {
        method: "PATCH",
        body: { id: bo.id, status: "qualified" },
      });
      assert.equal(updated.status, 200, await updated.clone().text());
      await updated.body?.cancel();
      assert.deepEqual(
        (await list(ws, "&source=manual&status=qualified")).leads.map((l) => l.full_name),
        ["Bo"],
      );
      assert.deepEqual((await list(ws, "&source=instagram_dm&status=qualified")).leads, []);

      const bad = await callFunction(ws, `recruiting-leads?imo_id=${ws.imoId}&source=tiktok`);
      assert.equal(bad.status, 400);
      const error = (await bad.json()).error;
      assert.equal(error.code, "invalid_query");
      assert.match(JSON.stringify(error.details), /source/);
    } finally {
      await Promise.all([ws.close(), other.close()]);
    }
  },
);
