import assert from "node:assert/strict";
import { launchBrowser, screenshot, signInOnPage } from "../../scripts/testing/browser.ts";
import {
  commentsAccount,
  leadComments,
  newLead,
  sandboxComments,
  storedComment,
} from "../../scripts/testing/comment-fixture.ts";
import { eventually } from "../../scripts/testing/eventually.ts";
import { startWebServer } from "../../scripts/testing/web-server.ts";
import { createWorkspace } from "../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 812 };

Deno.test(
  "in Chromium: a sandbox user comments JOIN on a hiring post, the rule DMs them, and the recruiter sees the comment and the new conversation linked",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", role: "admin", label: "e2e-comments" });
    const caption = `Hiring licensed agents in Austin ${
      crypto.randomUUID().slice(0, 4)
    }: comment JOIN`;
    const account = await commentsAccount(workspace, { caption });
    const templateName = "Join the team";
    await workspace.sql`
      insert into public.message_templates (imo_id, name, content, category)
      values (${workspace.imoId}, ${templateName},
        'Thanks for your interest, {{first_name}}! Apply here: https://example.com/apply', 'greeting')`;

    const web = await startWebServer();
    const browser = await launchBrowser();
    const context = await browser.newContext({ viewport: DESKTOP });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    try {
      await signInOnPage(page, web.url, workspace);
      await page.getByRole("heading", { name: "Messages" }).waitFor();

      // the recruiter sets the rule in Settings › Automation
      await page.goto(`${web.url}/settings/automation`);
      const form = page.getByRole("form", { name: "New keyword rule" });
      await form.getByLabel("When someone comments").fill("JOIN");
      // the hiring post has no comment yet: it is picked among the account's newest on Instagram
      await form.getByLabel("On the post").locator("option", { hasText: caption.slice(0, 30) })
        .waitFor({ state: "attached" });
      await form.getByLabel("On the post").selectOption({ label: caption.slice(0, 60) });
      await form.getByLabel("Reply privately with").selectOption({ label: templateName });
      await form.getByRole("button", { name: "Add rule" }).click();
      const rules = page.getByRole("list", { name: "Keyword rules" });
      await rules.getByText("“JOIN”").waitFor();
      await screenshot(page, "comments-01-rule-1440");

      // a person comments JOIN on the hiring post: the rule answers in private, once
      const lead = await newLead("Jamie Rivera");
      const comment = await leadComments(account, lead.id, account.post.id, "JOIN 🙋");
      const replied = await eventually(
        async () =>
          (await sandboxComments(account)).find((c) => c.id === comment.commentId)
            ?.privateReplyMid,
        "Meta received the rule's private reply",
        20_000,
      );
      assert.ok(replied);
      await storedComment(
        workspace,
        account,
        comment.commentId,
        (c) => c.private_reply_message_id !== null,
      );

      // the recruiter finds the post in Comments, with the comment and its private reply
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Comments" })
        .click();
      await page.getByRole("list", { name: "Posts" }).getByRole("button", {
        name: new RegExp(caption.slice(0, 20)),
      })
        .click();
      const post = page.getByRole("region", { name: "Comments on this post" });
      const item = post.getByRole("article", { name: `Comment by @${lead.username}` });
      await item.getByText("JOIN 🙋").waitFor();
      await item.getByText("Replied privately").waitFor();
      await post.getByText(caption).waitFor();
      await screenshot(page, "comments-02-post-1440");

      // a second private reply to the same comment: refused, and the page says why
      await item.getByRole("button", { name: "Reply privately" }).click();
      const dialog = page.getByRole("dialog", { name: `Reply privately to @${lead.username}` });
      await dialog.getByText(/one private reply per comment/).waitFor();
      assert.ok(await dialog.getByRole("button", { name: "Send privately" }).isDisabled());
      await screenshot(page, "comments-03-second-private-reply-1440");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });

      // the link opens the new conversation, where the DM says which rule sent it
      await item.getByRole("link", { name: "Open the conversation" }).click();
      const conversation = page.getByRole("region", {
        name: `Conversation with @${lead.username}`,
      });
      await conversation.getByText(/Thanks for your interest, .+! Apply here/).waitFor();
      await conversation.getByText("Keyword rule, private reply to a comment").waitFor();
      await screenshot(page, "comments-04-conversation-1440");
      // and back: the DM links to the comment it answers
      await conversation.getByRole("link", { name: "Private reply to a comment" }).click();
      await page.getByRole("region", { name: "Comments on this post" })
        .getByRole("article", { name: `Comment by @${lead.username}` }).getByText("JOIN 🙋")
        .waitFor();

      // at 375 px the Comments page is one pane at a time
      await page.setViewportSize(PHONE);
      await page.goto(`${web.url}/comments`);
      await page.getByRole("list", { name: "Posts" }).getByRole("button", {
        name: new RegExp(caption.slice(0, 20)),
      })
        .click();
      await page.getByRole("region", { name: "Comments on this post" }).getByText("JOIN 🙋")
        .waitFor();
      await screenshot(page, "comments-05-post-375");
      await page.getByRole("button", { name: "Back to posts" }).click();
      await page.getByRole("list", { name: "Posts" }).waitFor();
    } catch (error) {
      await screenshot(page, "comments-failed");
      throw error;
    } finally {
      await browser.close();
      await web.stop();
      await workspace.close();
    }
  },
);
