import assert from "node:assert/strict";
import { type ConversationListResponse } from "../../../shared/src/contracts/inbox-conversations.ts";
import { messageListResponseSchema } from "../../../shared/src/contracts/inbox-messages.ts";
import {
  addChannelAccount,
  addMessage,
  addThread,
  listInbox,
} from "../../../scripts/testing/inbox-fixture.ts";
import { platformEnv } from "../../../scripts/testing/platform-env.ts";
import { callFunction, createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

const usernames = (page: ConversationListResponse) =>
  page.conversations.map((c) => c.contact.username);

Deno.test(
  "inbox: newest first, keyset pages without gaps or repeats, every row's fields",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "inbox-list" });
    try {
      const account = await addChannelAccount(ws);
      const other = await addChannelAccount(ws);
      const facebook = await addChannelAccount(ws, "facebook");
      await addThread(ws, account, { username: "ana", displayName: "Ana Lima", hoursAgo: 3 });
      await addThread(ws, account, { username: "ben", hoursAgo: 2 });
      await addThread(ws, other, { username: "cyd", hoursAgo: 1 });
      await addThread(ws, facebook, { username: "page.visitor", hoursAgo: 0 });

      const first = await listInbox(ws, "&limit=2");
      assert.deepEqual(usernames(first), ["cyd", "ben"], "newest first, Instagram only");
      assert.ok(first.next_cursor);
      const second = await listInbox(ws, `&limit=2&cursor=${first.next_cursor}`);
      assert.deepEqual(usernames(second), ["ana"]);
      assert.equal(second.next_cursor, null);

      const ana = second.conversations[0]!;
      assert.equal(ana.contact.display_name, "Ana Lima");
      assert.equal(ana.preview, "Hello from ana");
      assert.equal(ana.unread_count, 1);
      assert.equal(ana.platform, "instagram");
      assert.equal(ana.window.state, "open");
      assert.ok(
        Math.abs(ana.window.seconds_left - 21 * 3600) < 60,
        String(ana.window.seconds_left),
      );
      assert.equal(ana.assignee, null);
      assert.equal(ana.lead, null);

      const byAccount = Object.fromEntries(
        first.unread_by_account.map((u) => [u.channel_account_id, u.unread_messages]),
      );
      assert.deepEqual(
        byAccount,
        { [account]: 2, [other]: 1 },
        "Facebook's badge is not this tab's",
      );

      const onlyOther = await listInbox(ws, `&channel_account_id=${other}`);
      assert.deepEqual(usernames(onlyOther), ["cyd"]);
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "inbox: each row says who wrote its newest message (the contact, the member, the AI)",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "inbox-author" });
    try {
      const account = await addChannelAccount(ws);
      const thread = await addThread(ws, account, { username: "eli", hoursAgo: 2 });
      const author = async () => {
        const page = await listInbox(ws);
        return page.conversations.find((c) => c.id === thread.conversationId)!
          .last_message_author;
      };
      assert.deepEqual(await author(), { kind: "contact", user_id: null, display_name: null });

      await addMessage(ws, thread.conversationId, {
        text: "Happy to help",
        authorUserId: ws.userId,
        at: new Date(Date.now() - 60_000),
      });
      const [member] = await ws.sql<{ display_name: string | null }[]>`
        select display_name from public.imo_members
        where imo_id = ${ws.imoId} and user_id = ${ws.userId}`;
      assert.deepEqual(await author(), {
        kind: "user",
        user_id: ws.userId,
        display_name: member!.display_name,
      });

      await ws.sql`
        insert into public.messages (imo_id, channel_account_id, conversation_id, external_id,
          direction, author_kind, ai_review, text, status, sent_at)
        select imo_id, channel_account_id, id, 'mid.ai-author', 'outbound', 'ai', 'autopilot',
          'Yes, remote', 'sent', now()
        from public.conversations where id = ${thread.conversationId}`;
      assert.deepEqual(await author(), { kind: "ai", user_id: null, display_name: null });
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "inbox: a conversation whose newest message is a reply that failed says so, until a newer message",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "inbox-failed" });
    try {
      const account = await addChannelAccount(ws);
      const thread = await addThread(ws, account, { username: "dee", hoursAgo: 2 });
      const failed = async () => {
        const page = await listInbox(ws);
        return page.conversations.find((c) => c.id === thread.conversationId)!.last_message_failed;
      };
      const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
      assert.equal(await failed(), false, "the contact's message");

      await addMessage(ws, thread.conversationId, {
        text: "Are you free at 3?",
        authorUserId: ws.userId,
        status: "failed",
        at: minutesAgo(30),
      });
      assert.equal(await failed(), true);
      // the AI's draft is not in the thread: the failed reply is still the newest there
      await addMessage(ws, thread.conversationId, {
        text: "Sure, how about 4?",
        authorUserId: ws.userId,
        status: "draft",
        at: minutesAgo(20),
      });
      assert.equal(await failed(), true, "a draft is not a message");

      await addMessage(ws, thread.conversationId, { text: "Hello?", at: minutesAgo(10) });
      assert.equal(await failed(), false, "the contact wrote since");
      await addMessage(ws, thread.conversationId, {
        text: "Sorry!",
        authorUserId: ws.userId,
        status: "failed",
        at: minutesAgo(5),
      });
      await addMessage(ws, thread.conversationId, {
        text: "Sorry! Free at 3?",
        authorUserId: ws.userId,
        at: minutesAgo(4),
      });
      assert.equal(await failed(), false, "a reply went out since");
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "inbox: a page boundary inside equal timestamps neither skips nor repeats",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "inbox-ties" });
    try {
      const account = await addChannelAccount(ws);
      const at = new Date(Date.now() - 60_000);
      const all = [];
      for (let i = 0; i < 5; i++) {
        const thread = await addThread(ws, account, { username: `tie${i}` });
        await ws
          .sql`update public.conversations set last_message_at = ${at} where id = ${thread.conversationId}`;
        all.push(`tie${i}`);
      }
      const seen: (string | null)[] = [];
      let cursor = "";
      for (let page = 0; page < 5; page++) {
        const result = await listInbox(ws, `&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        seen.push(...usernames(result));
        if (!result.next_cursor) break;
        cursor = result.next_cursor;
      }
      assert.deepEqual([...seen].sort(), all);
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "inbox filters: unread, priority, window, assignee, search, archived",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "inbox-filters" });
    try {
      const account = await addChannelAccount(ws);
      await addThread(ws, account, {
        username: "fresh.one",
        text: "Is the role remote?",
      });
      const closing = await addThread(ws, account, { username: "closing", hoursAgo: 23.5 });
      const human = await addThread(ws, account, { username: "three.days", hoursAgo: 72 });
      const old = await addThread(ws, account, {
        username: "old.timer",
        displayName: "Olga Timer",
        hoursAgo: 200,
      });
      const archived = await addThread(ws, account, { username: "archived", hoursAgo: 1 });
      await ws.sql`update public.conversations set unread_count = 0 where id in ${
        ws.sql([closing.conversationId, human.conversationId])
      }`;
      await ws
        .sql`update public.conversations set is_priority = true where id = ${human.conversationId}`;
      await ws
        .sql`update public.conversations set assigned_to = ${ws.userId} where id = ${old.conversationId}`;
      await ws
        .sql`update public.conversations set archived_at = now() where id = ${archived.conversationId}`;

      const names = async (query: string) => usernames(await listInbox(ws, query)).sort();
      assert.deepEqual(await names("&unread=true"), ["fresh.one", "old.timer"]);
      assert.deepEqual(await names("&priority=true"), ["three.days"]);
      assert.deepEqual(await names("&window=open"), ["closing", "fresh.one"]);
      assert.deepEqual(await names("&window=closing_soon"), ["closing"]);
      assert.deepEqual(await names("&window=human_agent"), ["three.days"]);
      assert.deepEqual(await names("&window=closed"), ["old.timer"]);
      assert.deepEqual(await names("&assignee=me"), ["old.timer"]);
      assert.deepEqual(await names("&assignee=unassigned"), ["closing", "fresh.one", "three.days"]);
      assert.deepEqual(await names("&q=remote"), ["fresh.one"], "search over the preview");
      assert.deepEqual(await names("&q=olga"), ["old.timer"], "search over the name");
      assert.deepEqual(await names("&q=THREE"), ["three.days"], "search over the username");
      assert.deepEqual(await names("&archived=true"), ["archived"]);

      const page = await listInbox(ws, "&q=old");
      const row = page.conversations[0]!;
      assert.equal(row.window.state, "closed");
      assert.equal(row.window.seconds_left, 0);
      assert.equal(row.assignee?.user_id, ws.userId);
      const threeDays = (await listInbox(ws, "&window=human_agent")).conversations[0]!;
      assert.ok(
        Math.abs(threeDays.window.seconds_left - 4 * 86_400) < 60,
        "in the human-agent zone the time left is the 7-day horizon's",
      );
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "inbox search ignores accents, typed or stored, in names, usernames and the preview",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "inbox-accents" });
    try {
      const account = await addChannelAccount(ws);
      await addThread(ws, account, { username: "jrod_hustles", displayName: "José Rodríguez" });
      await addThread(ws, account, { username: "maria.gonzalez", displayName: "Maria Gonzalez" });
      await addThread(ws, account, {
        username: "zoe.mueller",
        text: "¿Podemos tener una reunión?",
      });
      await addThread(ws, account, { username: "bjørn.ølsen" });

      const names = async (q: string) =>
        usernames(await listInbox(ws, `&q=${encodeURIComponent(q)}`)).sort();
      assert.deepEqual(await names("jose rodriguez"), ["jrod_hustles"], "typed without accents");
      assert.deepEqual(await names("RODRÍGUEZ"), ["jrod_hustles"], "typed with them");
      assert.deepEqual(await names("maría gonzález"), ["maria.gonzalez"], "stored without");
      assert.deepEqual(await names("reunion"), ["zoe.mueller"], "in the preview");
      assert.deepEqual(await names("bjorn"), ["bjørn.ølsen"], "in the username");
      assert.deepEqual(await names("jose_"), [], "_ is a character, not a wildcard");
    } finally {
      await ws.close();
    }
  },
);

Deno.test(
  "inbox reads: 401 without a user, 404 for a stranger, 402 without the plan, 400 for a bad cursor",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "inbox-owner" });
    const stranger = await createWorkspace({ plan: "team", label: "inbox-stranger" });
    const free = await createWorkspace({ plan: "free", label: "inbox-free" });
    try {
      const account = await addChannelAccount(ws);
      const thread = await addThread(ws, account, { username: "private.person", text: "secret" });

      const { url, anonKey } = platformEnv();
      const anon = await fetch(
        `${url}/functions/v1/instagram-get-conversations?imo_id=${ws.imoId}`,
        {
          headers: { apikey: anonKey, authorization: `Bearer ${anonKey}` },
        },
      );
      assert.equal(anon.status, 401);
      await anon.body?.cancel();

      for (
        const path of [
          `instagram-get-conversations?imo_id=${ws.imoId}`,
          `instagram-get-messages?conversation_id=${thread.conversationId}`,
        ]
      ) {
        const response = await callFunction(stranger, path);
        const text = await response.text();
        assert.equal(response.status, 404, text);
        assert.doesNotMatch(text, /private\.person|secret/);
      }

      const gated = await callFunction(free, `instagram-get-conversations?imo_id=${free.imoId}`);
      assert.equal(gated.status, 402);
      assert.equal((await gated.json()).error.code, "plan_required");

      const badCursor = await callFunction(
        ws,
        `instagram-get-conversations?imo_id=${ws.imoId}&cursor=nope`,
      );
      assert.equal(badCursor.status, 400);
      await badCursor.body?.cancel();
      const badWindow = await callFunction(
        ws,
        `instagram-get-conversations?imo_id=${ws.imoId}&window=soon`,
      );
      assert.equal(badWindow.status, 400);
      await badWindow.body?.cancel();
    } finally {
      await Promise.all([ws.close(), stranger.close(), free.close()]);
    }
  },
);

Deno.test(
  "thread: newest first with a cursor, authors named, replies linked, drafts left out",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "thread" });
    try {
      const account = await addChannelAccount(ws);
      await ws
        .sql`update public.imo_members set display_name = 'Rita Recruiter' where user_id = ${ws.userId}`;
      const thread = await addThread(ws, account, {
        username: "talker",
        text: "first",
        hoursAgo: 2,
      });
      const base = Date.now() - 3_600_000;
      const reply = await addMessage(ws, thread.conversationId, {
        text: "second",
        at: new Date(base),
        authorUserId: ws.userId,
        replyToMessageId: thread.messageId,
      });
      await addMessage(ws, thread.conversationId, { text: "third", at: new Date(base + 1000) });
      await addMessage(ws, thread.conversationId, {
        text: "not yet",
        authorUserId: ws.userId,
        status: "draft",
      });

      const path = `instagram-get-messages?conversation_id=${thread.conversationId}&limit=2`;
      const firstResponse = await callFunction(ws, path);
      assert.equal(firstResponse.status, 200);
      const first = messageListResponseSchema.parse(await firstResponse.json());
      assert.deepEqual(first.messages.map((m) => m.text), ["third", "second"]);
      const second = messageListResponseSchema.parse(
        await (await callFunction(ws, `${path}&cursor=${first.next_cursor}`)).json(),
      );
      assert.deepEqual(second.messages.map((m) => m.text), ["first"]);
      assert.equal(second.next_cursor, null);

      const mine = first.messages.find((m) => m.id === reply)!;
      assert.deepEqual(mine.author, {
        kind: "user",
        user_id: ws.userId,
        display_name: "Rita Recruiter",
      });
      assert.equal(mine.reply_to?.message_id, thread.messageId);
      assert.equal(mine.status, "sent");
      assert.equal(second.messages[0]!.author.kind, "contact");
      assert.equal(second.messages[0]!.reply_to, null);
    } finally {
      await ws.close();
    }
  },
);
