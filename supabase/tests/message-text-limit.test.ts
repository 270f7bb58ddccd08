/**
 * The database and the shared rule (shared/src/rules/message-text.ts) agree on what text a template
 * or a scheduled message may hold: Meta's limit is 1000 bytes of UTF-8, not 1000 characters
 * (docs/meta-platform.md §2), and text of whitespace only is no message.
 */
import assert from "node:assert/strict";
import { messageTextBytes, messageTextSchema } from "../../shared/src/rules/message-text.ts";
import { asCaller } from "./actors.ts";
import { user, withTenants } from "./two-tenants.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

const TEXTS: Record<string, string> = {
  "500 × é (1000 bytes)": "é".repeat(500),
  "501 × é (1002 bytes)": "é".repeat(501),
  "1000 × a": "a".repeat(1000),
  "1001 × a": "a".repeat(1001),
  "250 × 😀 (1000 bytes)": "😀".repeat(250),
  "251 × 😀 (1004 bytes)": "😀".repeat(251),
  "spaces and a no-break space": "  \u00a0\t\n",
  "one letter": "a",
};

Deno.test(
  "templates and scheduled messages take what the shared rule takes",
  options,
  () =>
    withTenants("text-limit", async (_sql, a) => {
      const stored = (table: "message_templates" | "scheduled_messages", text: string) =>
        asCaller(user(a, "admin"), async (tx) => {
          await tx.savepoint(async (sp) => {
            if (table === "message_templates") {
              await sp`insert into public.message_templates (imo_id, name, content, category)
                     values (${a.imoId}, ${`Limit ${crypto.randomUUID()}`}, ${text}, 'greeting')`;
            } else {
              await sp`insert into public.scheduled_messages (imo_id, channel_account_id,
                       conversation_id, text, scheduled_for)
                     values (${a.imoId}, ${a.channelAccountId}, ${a.conversationId}, ${text},
                       now() + interval '1 hour')`;
            }
          });
          throw new Rollback();
        }).then(
          () => "unreachable",
          (error) => error instanceof Rollback ? "stored" : `refused ${error.code}`,
        );

      const verdicts: Record<string, string[]> = {};
      for (const [name, text] of Object.entries(TEXTS)) {
        verdicts[name] = [
          messageTextSchema.safeParse(text).success ? "stored" : "refused 23514",
          await stored("message_templates", text),
          await stored("scheduled_messages", text),
        ];
      }
      const disagreements = Object.entries(verdicts).filter(([, [rule, ...db]]) =>
        db.some((verdict) => verdict !== rule)
      );
      assert.deepEqual(disagreements, [], JSON.stringify(verdicts, null, 1));
      // and what they agree on is bytes: 501 × é is 501 characters but 1002 bytes
      assert.equal(messageTextBytes(TEXTS["501 × é (1002 bytes)"]!), 1002);
      assert.deepEqual(verdicts["500 × é (1000 bytes)"], ["stored", "stored", "stored"]);
      assert.deepEqual(verdicts["501 × é (1002 bytes)"], [
        "refused 23514",
        "refused 23514",
        "refused 23514",
      ]);
    }),
);

class Rollback {}
