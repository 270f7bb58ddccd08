import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { ScheduledMessage } from "@dm-desk/shared/schemas/scheduled-message";
import { describe, expect, it, vi } from "vitest";
import { ScheduledStrip } from "@/features/messages/components/scheduled-strip.tsx";
import { fakeScheduledMessage, WORKSPACE_ID } from "@/testing/fixtures.ts";
import { callsTo, mockFunctions, ok } from "@/testing/function-mocks.ts";
import { renderWithProviders } from "@/testing/test-utils.tsx";
import { wallClock } from "@/testing/wall-clock.ts";

const ZONE = vi.hoisted(() => {
  vi.stubEnv("TZ", "Europe/Berlin");
  return "Europe/Berlin";
});

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const HOUR = 3_600_000;
const CONVERSATION = "00000000-0000-4000-9000-000000000001";
const ME = "00000000-0000-4000-8000-0000000000b1";
const RILEY = "00000000-0000-4000-8000-0000000000b2";
const MEMBERS = [
  { user_id: ME, display_name: "Casey Coach", email: "casey@example.com" },
  { user_id: RILEY, display_name: "Riley", email: "riley@example.com" },
];

const mine = fakeScheduledMessage({
  created_by: ME,
  text: "Are you free for a call tomorrow?",
  scheduled_for: new Date(Math.floor((Date.now() + 2 * HOUR) / 60_000) * 60_000).toISOString(),
  cancel_if_reply: true,
});
const rileys = fakeScheduledMessage({
  created_by: RILEY,
  text: "Thanks for writing back!",
  scheduled_for: null,
  wait_for_reply: true,
});
const expired = fakeScheduledMessage({
  created_by: RILEY,
  status: "expired",
  text: "Checking in",
  last_error: "The 24-hour messaging window closed before it could be sent",
});
const droppedByReply = fakeScheduledMessage({
  created_by: ME,
  status: "cancelled",
  text: "Any news?",
  last_error: "The contact replied first",
});

function renderStrip(
  items: ScheduledMessage[],
  options: { canManageAll?: boolean; afterCancel?: ScheduledMessage[] } = {},
) {
  let list = items;
  mockFunctions({
    "scheduled-messages": () => ok({ scheduled_messages: list }),
    [`scheduled-messages/${mine.id}/cancel`]: () => {
      list = options.afterCancel ?? list;
      return ok({ scheduled_message: { ...mine, status: "cancelled", cancelled_by: ME } });
    },
    [`scheduled-messages/${mine.id}`]: ({ body }) =>
      ok({ scheduled_message: { ...mine, ...(body as object) } }),
  });
  return renderWithProviders(
    <ScheduledStrip
      imoId={WORKSPACE_ID}
      conversationId={CONVERSATION}
      contactName="@maya.okafor"
      replyUntil={new Date(Date.now() + 20 * HOUR).toISOString()}
      canUseTemplates
      members={MEMBERS}
      viewerId={ME}
      canManageAll={options.canManageAll ?? false}
      now={new Date()}
    />,
  );
}

async function expand(user: ReturnType<typeof renderStrip>["user"]) {
  const toggle = await screen.findByRole("button", { name: /scheduled/ });
  expect(toggle.getAttribute("aria-expanded")).toBe("false");
  await user.click(toggle);
  expect(toggle.getAttribute("aria-expanded")).toBe("true");
  return screen.getByRole("region", { name: "Scheduled messages" });
}

describe("Scheduled messages of a conversation", () => {
  it("folds to a count and the next time, and opens to each with its options and outcome", async () => {
    const { user } = renderStrip([mine, rileys, expired, droppedByReply]);
    const toggle = await screen.findByRole("button", {
      name: /^2 scheduled · next (Today|Tomorrow), /,
    });
    expect(toggle).toBeTruthy();
    const strip = await expand(user);

    const first = within(strip).getByRole("listitem", { name: /^Scheduled: (Today|Tomorrow), / });
    expect(within(first).getByText("Cancelled if they reply first")).toBeTruthy();
    expect(within(first).getByText("Are you free for a call tomorrow?")).toBeTruthy();
    expect(within(first).getByText("· you")).toBeTruthy();

    const waiting = within(strip).getByRole("listitem", {
      name: "Scheduled: When they next write",
    });
    expect(within(waiting).getByText("· Riley")).toBeTruthy();
    // Riley's: a recruiter changes only their own
    expect(within(waiting).queryByRole("button", { name: "Cancel" })).toBeNull();

    const gone = within(strip).getByRole("listitem", { name: /^Expired: / });
    expect(within(gone).getByText(/window closed before it could be sent/)).toBeTruthy();
    const dropped = within(strip).getByRole("listitem", { name: /^Cancelled: / });
    expect(within(dropped).getByText("The contact replied first")).toBeTruthy();
    expect(within(dropped).queryByRole("button")).toBeNull();
  });

  it("lets an owner or admin change anyone's", async () => {
    const { user } = renderStrip([mine, rileys], { canManageAll: true });
    const strip = await expand(user);
    const waiting = within(strip).getByRole("listitem", {
      name: "Scheduled: When they next write",
    });
    expect(within(waiting).getByRole("button", { name: "Cancel" })).toBeTruthy();
    expect(within(waiting).getByRole("button", { name: "Reschedule" })).toBeTruthy();
  });

  it("cancels one and shows the list as the server has it then", async () => {
    const { user } = renderStrip([mine], {
      afterCancel: [{ ...mine, status: "cancelled", cancelled_by: ME }],
    });
    const strip = await expand(user);
    const item = within(strip).getByRole("listitem", { name: /^Scheduled: / });
    await user.click(within(item).getByRole("button", { name: "Cancel" }));

    await waitFor(() => expect(callsTo(`scheduled-messages/${mine.id}/cancel`)).toHaveLength(1));
    expect(callsTo(`scheduled-messages/${mine.id}/cancel`)[0]?.method).toBe("POST");
    const cancelled = await within(strip).findByRole("listitem", { name: /^Cancelled: / });
    expect(within(cancelled).getByText("by you")).toBeTruthy();
    expect(callsTo("scheduled-messages")).toHaveLength(2);
  });

  it("reschedules one from a dialog that starts from its time and sends only the change", async () => {
    const { user } = renderStrip([mine]);
    const strip = await expand(user);
    const item = within(strip).getByRole("listitem", { name: /^Scheduled: / });
    await user.click(within(item).getByRole("button", { name: "Reschedule" }));

    const dialog = await screen.findByRole("dialog", { name: "Reschedule message" });
    const before = wallClock(new Date(mine.scheduled_for!), ZONE);
    expect((within(dialog).getByLabelText("Date") as HTMLInputElement).value).toBe(before.date);
    expect((within(dialog).getByLabelText("Time") as HTMLInputElement).value).toBe(before.time);
    expect(
      (within(dialog).getByLabelText(/Cancel if they reply first/) as HTMLInputElement).checked,
    )
      .toBe(true);

    const later = new Date(Date.parse(mine.scheduled_for!) + 3 * HOUR);
    const next = wallClock(later, ZONE);
    fireEvent.change(within(dialog).getByLabelText("Date"), { target: { value: next.date } });
    fireEvent.change(within(dialog).getByLabelText("Time"), { target: { value: next.time } });
    await user.click(within(dialog).getByRole("button", { name: "Save" }));

    await waitFor(() => expect(callsTo(`scheduled-messages/${mine.id}`)).toHaveLength(1));
    const [call] = callsTo(`scheduled-messages/${mine.id}`);
    expect(call?.method).toBe("PATCH");
    expect(call?.body).toEqual({ scheduled_for: later.toISOString() });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("reschedules one to wait for their next message", async () => {
    const { user } = renderStrip([mine]);
    const strip = await expand(user);
    await user.click(within(strip).getByRole("button", { name: "Reschedule" }));
    const dialog = await screen.findByRole("dialog", { name: "Reschedule message" });
    await user.click(within(dialog).getByRole("radio", { name: "When they next write" }));
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(callsTo(`scheduled-messages/${mine.id}`)).toHaveLength(1));
    expect(callsTo(`scheduled-messages/${mine.id}`)[0]?.body).toEqual({ wait_for_reply: true });
  });

  it("shows nothing while the conversation has none", async () => {
    renderStrip([]);
    await waitFor(() => expect(callsTo("scheduled-messages")).toHaveLength(1));
    expect(screen.queryByRole("region", { name: "Scheduled messages" })).toBeNull();
  });
});
