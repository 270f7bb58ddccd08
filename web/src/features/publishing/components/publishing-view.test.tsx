import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Publication } from "@dm-desk/shared/contracts/publishing";
import { fakeAccount, fakeWorkspace, WORKSPACE_ID } from "@/testing/fixtures.ts";
import {
  callsTo,
  fail,
  type FunctionHandler,
  mockFunctions,
  ok,
} from "@/testing/function-mocks.ts";
import { fakeSession, setMockSession } from "@/testing/supabase-mock.ts";
import { renderApp } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const account = fakeAccount({
  username: "northwind.careers",
  profile_picture_url: "https://example.com/northwind.jpg",
});

function publication(overrides: Partial<Publication> = {}): Publication {
  const now = new Date().toISOString();
  return {
    id: "10000000-0000-4000-8000-000000000001",
    imo_id: WORKSPACE_ID,
    channel_account_id: account.id,
    platform: "instagram",
    account_username: "northwind.careers",
    account_picture_url: null,
    status: "failed",
    caption: "Deal of the Day",
    media: [{ url: "https://example.com/deal.jpg", alt_text: "" }],
    scheduled_at: null,
    error_code: "publishing_limit",
    error_message: "Instagram's publishing limit is reached: 100 of 100 posts in 24 hours",
    permalink: null,
    external_id: null,
    published_at: null,
    post_id: null,
    created_by: null,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

function renderPublishing(extra: Record<string, FunctionHandler> = {}) {
  setMockSession(fakeSession());
  mockFunctions({
    "my-workspaces": () => ok({ workspaces: [fakeWorkspace()] }),
    "connected-accounts": () => ok({ accounts: [account] }),
    "publishing/posts": () => ok({ publications: [publication()] }),
    [`publishing/accounts/${account.id}/quota`]: () =>
      ok({ quota_usage: 3, quota_total: 100, quota_duration_seconds: 86400 }),
    ...extra,
  });
  return renderApp("/publishing");
}

describe("Publishing", () => {
  it("previews the chosen account, says which platform is not connected, and why a post failed", async () => {
    const user = userEvent.setup();
    renderPublishing();
    await screen.findByText(/Didn't go out: Instagram's publishing limit is reached/);
    expect(screen.getByText("Bluesky: not connected")).toBeTruthy();

    await user.click(await screen.findByRole("checkbox", { name: /@northwind\.careers/ }));
    const preview = await screen.findByRole("article", {
      name: "Instagram preview for @northwind.careers",
    });
    expect(within(preview).getByText("No image yet")).toBeTruthy();
    expect(await screen.findByText("Instagram: 3 of 100 posts in the last 24 hours")).toBeTruthy();
  });

  it("counts the caption against Instagram's limits and publishes a carousel", async () => {
    const user = userEvent.setup();
    const created = publication({ id: "10000000-0000-4000-8000-000000000002", status: "draft" });
    renderPublishing({
      "publishing/posts": (call) =>
        call.method === "POST"
          ? ok({ publication: created })
          : ok({ publications: [publication()] }),
      [`publishing/posts/${created.id}/publish`]: () =>
        ok({ publication: { ...created, status: "published" } }),
    });
    await user.click(await screen.findByRole("checkbox", { name: /@northwind\.careers/ }));
    const publish = screen.getByRole("button", { name: "Publish now" });
    expect(publish).toHaveProperty("disabled", true);

    const tags = Array.from({ length: 31 }, (_, i) => `#t${i}`).join(" ");
    await user.click(screen.getByLabelText("Caption"));
    await user.paste(tags);
    expect(await screen.findByText("# 31/30")).toBeTruthy();
    expect(screen.getByText("Instagram: Instagram allows 30 hashtags; this has 31")).toBeTruthy();
    await user.clear(screen.getByLabelText("Caption"));
    await user.paste("Open day #hiring");

    for (const name of ["office", "team"]) {
      await user.click(screen.getByRole("button", { name: "Add image by address" }));
      const index = name === "office" ? 1 : 2;
      await user.click(screen.getByLabelText(`Image ${index} address`));
      await user.paste(`https://example.com/${name}.jpg`);
    }
    await user.type(screen.getByLabelText("Image 1 alt text"), "Our office");
    expect(within(screen.getByRole("article")).getByText("1/2")).toBeTruthy();
    await waitFor(() => expect(publish).toHaveProperty("disabled", false));
    await user.click(publish);

    await waitFor(() => expect(callsTo(`publishing/posts/${created.id}/publish`)).toHaveLength(1));
    const [create] = callsTo("publishing/posts").filter((call) => call.method === "POST");
    expect(create?.body).toEqual({
      channel_account_id: account.id,
      caption: "Open day #hiring",
      media: [
        { url: "https://example.com/office.jpg", alt_text: "Our office" },
        { url: "https://example.com/team.jpg", alt_text: "" },
      ],
    });
  });

  it("publishes again the post it saved when Publish now failed, instead of saving a copy", async () => {
    const user = userEvent.setup();
    const created = publication({ id: "10000000-0000-4000-8000-000000000003", status: "draft" });
    let publishes = 0;
    renderPublishing({
      "publishing/posts": (call) =>
        call.method === "POST"
          ? ok({ publication: created })
          : ok({ publications: [publication()] }),
      [`publishing/posts/${created.id}`]: (call) =>
        ok({ publication: { ...created, ...(call.body as object) } }),
      [`publishing/posts/${created.id}/publish`]: () =>
        ++publishes === 1
          ? fail(502, "instagram_error", "Instagram could not fetch the image")
          : ok({ publication: { ...created, status: "published" } }),
    });
    await user.click(await screen.findByRole("checkbox", { name: /@northwind\.careers/ }));
    await user.click(screen.getByLabelText("Caption"));
    await user.paste("Open day");
    await user.click(screen.getByRole("button", { name: "Add image by address" }));
    await user.click(screen.getByLabelText("Image 1 address"));
    await user.paste("https://example.com/office.jpg");
    const publish = screen.getByRole("button", { name: "Publish now" });
    await waitFor(() => expect(publish).toHaveProperty("disabled", false));
    await user.click(publish);
    expect(await screen.findByText(/Instagram could not fetch the image/)).toBeTruthy();

    await waitFor(() => expect(publish).toHaveProperty("disabled", false));
    await user.click(publish);
    await waitFor(() => expect(publishes).toBe(2));
    expect(callsTo("publishing/posts").filter((call) => call.method === "POST")).toHaveLength(1);
    expect(callsTo(`publishing/posts/${created.id}`)[0]).toMatchObject({
      method: "PATCH",
      body: { caption: "Open day" },
    });
  });

  it("puts the focus in the caption of the post chosen to edit", async () => {
    const user = userEvent.setup();
    renderPublishing();
    await screen.findByText(/Didn't go out: Instagram's publishing limit is reached/);
    await user.click(screen.getByRole("button", { name: /Edit/ }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Caption")));
    expect(screen.getByLabelText<HTMLTextAreaElement>("Caption").value).toBe("Deal of the Day");
  });

  it("asks before deleting a post, and deletes it once confirmed", async () => {
    const user = userEvent.setup();
    const failed = publication();
    renderPublishing({
      [`publishing/posts/${failed.id}/delete`]: () => ok({ id: failed.id, deleted: true }),
    });
    await screen.findByText(/Didn't go out: Instagram's publishing limit is reached/);
    await user.click(screen.getByRole("button", { name: /Delete/ }));
    const confirm = await screen.findByRole("alertdialog", { name: "Delete this post?" });
    expect(callsTo(`publishing/posts/${failed.id}/delete`)).toHaveLength(0);
    await user.click(within(confirm).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(callsTo(`publishing/posts/${failed.id}/delete`)).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(await screen.findByText("Post deleted")).toBeTruthy();
  });
});
