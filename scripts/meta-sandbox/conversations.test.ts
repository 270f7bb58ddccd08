import assert from "node:assert/strict";
import {
  accountWithConversation,
  control,
  graph,
  startTestSandbox,
  testOptions,
} from "./test-support.ts";

Deno.test(
  "subscribed_apps on an Instagram account: POST, GET, field validation",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const account = await control<{ igAccountId: string; accessToken: string }>(
        sandbox,
        "POST",
        "accounts",
        {
          username: "northwind.careers",
          loginPath: "instagram_login",
        },
      );
      const empty = await graph(sandbox, "graph.instagram.com/v25.0/me/subscribed_apps", {
        token: account.accessToken,
      });
      assert.deepEqual(empty.body, { data: [] });
      const post = await graph(
        sandbox,
        `graph.instagram.com/v25.0/${account.igAccountId}/subscribed_apps`,
        {
          method: "POST",
          token: account.accessToken,
          query: { subscribed_fields: "messages,message_reactions,messaging_seen" },
        },
      );
      assert.deepEqual(post.body, { success: true });
      const listed = await graph(sandbox, "graph.instagram.com/v25.0/me/subscribed_apps", {
        token: account.accessToken,
      });
      assert.deepEqual(listed.body, {
        data: [{ subscribed_fields: ["messages", "message_reactions", "messaging_seen"] }],
      });
      const bad = await graph(sandbox, "graph.instagram.com/v25.0/me/subscribed_apps", {
        method: "POST",
        token: account.accessToken,
        query: { subscribed_fields: "mesages" },
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 100);
    } finally {
      await sandbox.stop();
    }
  },
);

Deno.test(
  "User Profile API: consent only after the lead messaged (code 230)",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const { account, igsid } = await accountWithConversation(sandbox);
      const profile = await graph(sandbox, `graph.instagram.com/v25.0/${igsid}`, {
        token: account.accessToken,
        query: {
          fields:
            "name,username,profile_pic,follower_count,is_user_follow_business,is_business_follow_user,is_verified_user",
        },
      });
      assert.equal(profile.status, 200);
      assert.equal(profile.body.id, igsid);
      assert.equal(profile.body.name, "Maya Okafor");
      assert.equal(typeof profile.body.follower_count, "number");
      assert.equal(profile.body.is_verified_user, false);

      // A lead the account knows (an IGSID exists, e.g. from a comment) but who never messaged it.
      const quiet = await control<{ id: string }>(sandbox, "POST", "leads", {
        username: "jonas.lindqvist",
      });
      const quietIgsid = (await control<{ igsid: string }>(
        sandbox,
        "GET",
        `leads/${quiet.id}?account=${account.igAccountId}`,
      ))
        .igsid;
      const refused = await graph(sandbox, `graph.instagram.com/v25.0/${quietIgsid}`, {
        token: account.accessToken,
        query: { fields: "name,username" },
      });
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.code, 230);
      assert.equal(refused.body.error.message, "User consent is required to access user profile");

      const typo = await graph(sandbox, `graph.instagram.com/v25.0/${igsid}`, {
        token: account.accessToken,
        query: { fields: "profile_picture" },
      });
      assert.equal(typo.body.error.code, 100);
    } finally {
      await sandbox.stop();
    }
  },
);

Deno.test(
  "Conversations API: paging (25 default, 50 max), user_id, participants, messages newest first",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const { account, igsid, lead, conversationId } = await accountWithConversation(sandbox, {
        at: Date.now() - 60_000,
      });
      const token = account.accessToken;
      for (let i = 0; i < 59; i++) {
        const other = await control<{ id: string }>(sandbox, "POST", "leads", {
          username: `candidate_${i}`,
        });
        await control(sandbox, "POST", `leads/${other.id}/messages`, {
          account: account.igAccountId,
          text: `hello ${i}`,
        });
      }
      const first = await graph(sandbox, "graph.instagram.com/v25.0/me/conversations", {
        token,
        query: { platform: "instagram" },
      });
      assert.equal(first.body.data.length, 25);
      assert.ok(first.body.data[0].id && first.body.data[0].updated_time);
      assert.match(first.body.data[0].updated_time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
      assert.ok(first.body.paging.cursors.before && first.body.paging.cursors.after);
      const second = await fetch(first.body.paging.next).then((r) => r.json());
      assert.equal(second.data.length, 25);
      assert.notEqual(second.data[0].id, first.body.data[0].id);
      const capped = await graph(sandbox, "graph.instagram.com/v25.0/me/conversations", {
        token,
        query: { platform: "instagram", limit: "100" },
      });
      assert.equal(capped.body.data.length, 50);
      const last = await graph(sandbox, "graph.instagram.com/v25.0/me/conversations", {
        token,
        query: { platform: "instagram", limit: "50", after: capped.body.paging.cursors.after },
      });
      assert.equal(last.body.data.length, 10);
      assert.equal(last.body.paging.next, undefined);
      // The oldest conversation comes last (updated_time descending).
      assert.equal(last.body.data.at(-1).id, conversationId);

      const mine = await graph(sandbox, "graph.instagram.com/v25.0/me/conversations", {
        token,
        query: { platform: "instagram", user_id: igsid },
      });
      assert.deepEqual(mine.body.data, [{ id: conversationId }]);
      const participants = await graph(sandbox, `graph.instagram.com/v25.0/${conversationId}`, {
        token,
        query: { fields: "participants" },
      });
      assert.deepEqual(participants.body.participants.data[1], {
        username: sandbox.state.leads.get(lead.id)!.username,
        id: igsid,
      });

      // 30 more messages in the first conversation: ids come newest first, paged.
      for (let i = 0; i < 30; i++) {
        await control(sandbox, "POST", `leads/${lead.id}/messages`, {
          account: account.igAccountId,
          text: `message ${i}`,
          at: Date.now() - 30_000 + i * 100,
        });
      }
      const thread = await graph(sandbox, `graph.instagram.com/v25.0/${conversationId}`, {
        token,
        query: { fields: "messages" },
      });
      const page1 = thread.body.messages.data;
      assert.equal(page1.length, 25);
      assert.deepEqual(Object.keys(page1[0]).sort(), ["created_time", "id"]);
      assert.ok(page1[0].created_time >= page1[1].created_time);
      const page2 = await fetch(thread.body.messages.paging.next).then((r) => r.json());
      assert.equal(page2.data.length, 6);

      const detail = await graph(sandbox, `graph.instagram.com/v25.0/${page1[0].id}`, {
        token,
        query: { fields: "id,created_time,from,to,message,attachments" },
      });
      assert.equal(detail.body.message, "message 29");
      assert.deepEqual(detail.body.from, {
        username: sandbox.state.leads.get(lead.id)!.username,
        id: igsid,
      });
      assert.deepEqual(detail.body.to, {
        data: [{
          username: sandbox.state.accounts.get(account.igAccountId)!.username,
          id: account.igAccountId,
        }],
      });
      assert.match(detail.body.created_time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
    } finally {
      await sandbox.stop();
    }
  },
);
