import assert from "node:assert/strict";
import postgres from "postgres";
import { withUser } from "../functions/_shared/db.ts";
import { platformEnv } from "../../scripts/testing/platform-env.ts";
import { createConversation, createTenant, removeTenant } from "../../scripts/testing/tenants.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "search_conversations finds by username, name and preview, for members only, literally",
  options,
  async () => {
    const sql = postgres(platformEnv().databaseUrl, { max: 2, onnotice: () => {} });
    const a = await createTenant(sql, "search-a");
    const b = await createTenant(sql, "search-b");
    try {
      const make = async (username: string, name: string, text: string, minutesAgo: number) => {
        const { contactId, conversationId } = await createConversation(
          sql,
          a.imoId,
          a.channelAccountId,
        );
        await sql`update public.contacts set username = ${username}, display_name = ${name} where id = ${contactId}`;
        await sql`insert into public.messages (imo_id, channel_account_id, conversation_id, external_id, direction, author_kind, text, status, sent_at)
        values (${a.imoId}, ${a.channelAccountId}, ${conversationId}, ${crypto.randomUUID()}, 'inbound', 'contact', ${text}, 'sent',
                now() - make_interval(mins => ${minutesAgo}))`;
        return conversationId;
      };
      const maria = await make("maria.gonzalez", "María González", "Is the role remote?", 30);
      const jon = await make("jon.smith", "Jon Smith", "I spoke with Gonzalo about licensing", 10);
      const percent = await make("pat.lee", "Pat Lee", "Is commission 100% of the first year?", 5);

      const search = (claims: Record<string, unknown>, imo: string, query: string) =>
        withUser(claims, (tx) =>
          tx<
            { conversation_id: string }[]
          >`select conversation_id from private.search_conversations(${imo}, ${query})`)
          .then((rows) => rows.map((r) => r.conversation_id));

      const member = a.users.recruiter.claims;
      assert.deepEqual(
        await search(member, a.imoId, "gonz"),
        [jon, maria],
        "preview and username, newest first",
      );
      assert.deepEqual(
        await search(member, a.imoId, "GONZÁLEZ"),
        [maria],
        "case-insensitive on the display name",
      );
      assert.deepEqual(
        await search(member, a.imoId, "100%"),
        [percent],
        "% is a literal, not a wildcard",
      );
      assert.deepEqual(await search(member, a.imoId, "%"), [], "too short");
      assert.deepEqual(
        await search(b.users.owner.claims, a.imoId, "gonz"),
        [],
        "another IMO's member finds nothing",
      );
    } finally {
      await removeTenant(sql, a);
      await removeTenant(sql, b);
      await sql.end();
    }
  },
);
