import assert from "node:assert/strict";
import {
  type TriageRequest,
  triageResponseSchema,
} from "../../../shared/src/contracts/inbox-conversations.ts";
import {
  addChannelAccount,
  addMessage,
  addThread,
  listInbox,
} from "../../../scripts/testing/inbox-fixture.ts";
import {
  callFunction,
  createWorkspace,
  type Workspace,
} from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

async function triage(workspace: Workspace, body: TriageRequest) {
  const response = await callFunction(workspace, "conversation-triage", { body });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: () => triageResponseSchema.parse(JSON.parse(text)),
  };
}

Deno.test(
  "triage: mark read moves the badge; priority; assign a member, not a stranger; archive",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "triage" });
    const stranger = await createWorkspace({ plan: "team", label: "triage-stranger" });
    try {
      const account = await addChannelAccount(ws);
      const thread = await addThread(ws, account, { username: "needs.answer" });
      await addMessage(ws, thread.conversationId, { text: "anyone there?" });
      assert.equal((await listInbox(ws)).unread_by_account[0]?.unread_messages, 2);

      const read = await triage(ws, {
        action: "mark_read",
        conversation_id: thread.conversationId,
      });
      assert.equal(read.status, 200, read.text);
      assert.equal(read.json().conversation.unread_count, 0);
      assert.deepEqual((await listInbox(ws)).unread_by_account, []);

      const flagged = await triage(ws, {
        action: "set_priority",
        conversation_id: thread.conversationId,
        is_priority: true,
      });
      assert.equal(flagged.json().conversation.is_priority, true);

      const assigned = await triage(ws, {
        action: "assign",
        conversation_id: thread.conversationId,
        user_id: ws.userId,
      });
      assert.equal(assigned.json().conversation.assignee?.user_id, ws.userId);
      const outsider = await triage(ws, {
        action: "assign",
        conversation_id: thread.conversationId,
        user_id: stranger.userId,
      });
      assert.equal(outsider.status, 422, outsider.text);
      assert.match(outsider.text, /assignee_not_member/);
      const unassigned = await triage(ws, {
        action: "assign",
        conversation_id: thread.conversationId,
        user_id: null,
      });
      assert.equal(unassigned.json().conversation.assignee, null);

      const archived = await triage(ws, {
        action: "archive",
        conversation_id: thread.conversationId,
        archived: true,
      });
      assert.ok(archived.json().conversation.archived_at);
      assert.equal((await listInbox(ws)).conversations.length, 0);
      assert.equal((await listInbox(ws, "&archived=true")).conversations.length, 1);

      const foreign = await triage(stranger, {
        action: "mark_read",
        conversation_id: thread.conversationId,
      });
      assert.equal(foreign.status, 404, foreign.text);
      const invalid = await triage(
        ws,
        { action: "set_priority", conversation_id: thread.conversationId } as never,
      );
      assert.equal(invalid.status, 422, invalid.text);
    } finally {
      await Promise.all([ws.close(), stranger.close()]);
    }
  },
);

Deno.test(
  "archive: a recruiter archives and unarchives; the contact writing again brings it back, our reply or an older message stored late does not",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", role: "recruiter", label: "archive" });
    try {
      const account = await addChannelAccount(ws);
      const thread = await addThread(ws, account, { username: "archived.lead", hoursAgo: 2 });
      const inbox = async () => (await listInbox(ws)).conversations.map((c) => c.id);
      const archivedList = async () =>
        (await listInbox(ws, "&archived=true")).conversations.map((c) => c.id);
      const archive = async (archived: boolean) => {
        const answer = await triage(ws, {
          action: "archive",
          conversation_id: thread.conversationId,
          archived,
        });
        assert.equal(answer.status, 200, answer.text);
        return answer.json().conversation;
      };

      const before = Date.now();
      const archived = await archive(true);
      assert.ok(Date.parse(archived.archived_at!) >= before - 1_000, "dated by the server");
      assert.deepEqual(await inbox(), []);
      assert.deepEqual(await archivedList(), [thread.conversationId]);

      assert.equal((await archive(false)).archived_at, null);
      assert.deepEqual(await inbox(), [thread.conversationId]);
      assert.deepEqual(await archivedList(), []);

      await archive(true);
      await addMessage(ws, thread.conversationId, { text: "Thanks!", authorUserId: ws.userId });
      await addMessage(ws, thread.conversationId, {
        text: "an older message stored late",
        at: new Date(Date.now() - 3_600_000),
      });
      assert.deepEqual(await inbox(), [], "still archived");

      await addMessage(ws, thread.conversationId, { text: "One more question" });
      const [back] = (await listInbox(ws)).conversations;
      assert.equal(back?.id, thread.conversationId, "back in the inbox");
      assert.equal(back?.archived_at, null);
      assert.equal(back?.preview, "One more question");
      assert.deepEqual(await archivedList(), []);
    } finally {
      await ws.close();
    }
  },
);
