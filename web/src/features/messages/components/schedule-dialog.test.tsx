import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ScheduleAction } from "@/features/messages/components/schedule-action.tsx";
import { fakeScheduledMessage, fakeTemplate, WORKSPACE_ID } from "@/testing/fixtures.ts";
import {
  callsTo,
  fail,
  type FunctionHandler,
  mockFunctions,
  ok,
} from "@/testing/function-mocks.ts";
import { renderWithProviders } from "@/testing/test-utils.tsx";
import { wallClock } from "@/testing/wall-clock.ts";

// A recruiter in New York: the dialog's times are theirs, whatever zone the machine runs in.
const ZONE = vi.hoisted(() => {
  vi.stubEnv("TZ", "America/New_York");
  return "America/New_York";
});

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CONVERSATION = "00000000-0000-4000-9000-000000000001";
const toMinute = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;

const created: FunctionHandler = ({ body }) =>
  ok({ scheduled_message: fakeScheduledMessage(body as object) });

async function openDialog(
  options: { replyUntil: Date | null; schedule?: FunctionHandler; canUseTemplates?: boolean },
) {
  mockFunctions({
    "scheduled-messages": options.schedule ?? created,
    "message-templates": () => ok({ templates: [fakeTemplate()] }),
    "message-templates/render": () => ok({ text: "Hi Maya!" }),
  });
  const view = renderWithProviders(
    <ScheduleAction
      imoId={WORKSPACE_ID}
      conversationId={CONVERSATION}
      contactName="@maya.okafor"
      replyUntil={options.replyUntil?.toISOString() ?? null}
      canUseTemplates={options.canUseTemplates ?? true}
    />,
  );
  await view.user.click(screen.getByRole("button", { name: "Schedule" }));
  const dialog = await screen.findByRole("dialog", { name: "Schedule a message" });
  const setTime = (at: Date) => {
    const { date, time } = wallClock(at, ZONE);
    fireEvent.change(within(dialog).getByLabelText("Date"), { target: { value: date } });
    fireEvent.change(within(dialog).getByLabelText("Time"), { target: { value: time } });
  };
  const submit = within(dialog).getByRole("button", { name: "Schedule" });
  return { ...view, dialog, setTime, submit };
}

describe("Schedule dialog", () => {
  it("shows the time zone and when the window closes, and refuses a time after it", async () => {
    // the window ends 30 s into a minute: that minute is its last, the next one is too late
    const replyUntil = new Date(toMinute(Date.now() + 3 * HOUR) + 30_000);
    const { dialog, setTime, submit } = await openDialog({ replyUntil });

    expect(within(dialog).getByText(/^Time zone: America\/New_York \(GMT-[45]\)$/)).toBeTruthy();
    expect(
      within(dialog).getByText(
        /^Instagram's 24-hour window closes .+ \(in (2 h 59 min|3 h)\): it must go out before then\.$/,
      ),
    ).toBeTruthy();

    setTime(new Date(toMinute(replyUntil.getTime()) + MINUTE));
    expect(within(dialog).getByText(/That's after the 24-hour window closes/)).toBeTruthy();
    expect(within(dialog).getByLabelText("Time").getAttribute("aria-invalid")).toBe("true");
    expect((submit as HTMLButtonElement).disabled).toBe(true);

    setTime(new Date(toMinute(replyUntil.getTime())));
    expect(within(dialog).queryByText(/That's after the 24-hour window closes/)).toBeNull();
    expect((submit as HTMLButtonElement).disabled).toBe(false);
  });

  it("sends the instant the time means in the user's zone, with “cancel if they reply first”", async () => {
    const replyUntil = new Date(Date.now() + 20 * HOUR);
    const { dialog, setTime, submit, user } = await openDialog({ replyUntil });
    const at = new Date(toMinute(Date.now() + 2 * HOUR));
    setTime(at);
    await user.type(within(dialog).getByLabelText("Message"), "Are you free for a call?");
    await user.click(within(dialog).getByLabelText(/Cancel if they reply first/));
    await user.click(submit);

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const [call] = callsTo("scheduled-messages");
    expect(call?.method).toBe("POST");
    expect(call?.body).toEqual({
      conversation_id: CONVERSATION,
      text: "Are you free for a call?",
      scheduled_for: at.toISOString(),
      wait_for_reply: false,
      cancel_if_reply: true,
    });
  });

  it("offers only “when they next write” once the window has closed, and sends that", async () => {
    const { dialog, submit, user } = await openDialog({
      replyUntil: new Date(Date.now() - HOUR),
    });
    const atTime = within(dialog).getByRole("radio", { name: "At a time" }) as HTMLInputElement;
    const nextWrite = within(dialog).getByRole("radio", { name: "When they next write" });
    expect(atTime.disabled).toBe(true);
    expect((nextWrite as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByText(/The 24-hour window is closed: it goes out right after/))
      .toBeTruthy();
    expect(within(dialog).queryByLabelText(/Cancel if they reply first/)).toBeNull();

    await user.type(within(dialog).getByLabelText("Message"), "Thanks for writing back!");
    await user.click(submit);
    await waitFor(() => expect(callsTo("scheduled-messages")).toHaveLength(1));
    expect(callsTo("scheduled-messages")[0]?.body).toEqual({
      conversation_id: CONVERSATION,
      text: "Thanks for writing back!",
      wait_for_reply: true,
      cancel_if_reply: false,
    });
  });

  it("schedules a template by its id, saying it is filled in when it is sent", async () => {
    const { dialog, submit, user } = await openDialog({
      replyUntil: new Date(Date.now() + 20 * HOUR),
    });
    await user.click(within(dialog).getByRole("button", { name: "Templates" }));
    await user.click(await screen.findByRole("menuitem", { name: /Greeting/ }));
    const text = within(dialog).getByLabelText("Message") as HTMLTextAreaElement;
    await waitFor(() => expect(text.value).toBe("Hi Maya!"));
    expect(text.readOnly).toBe(true);
    expect(within(dialog).getByText(/Template “Greeting”: filled in again when it is sent/))
      .toBeTruthy();

    await user.click(submit);
    await waitFor(() => expect(callsTo("scheduled-messages")).toHaveLength(1));
    const body = callsTo("scheduled-messages")[0]?.body as Record<string, unknown>;
    expect(body.template_id).toBe(fakeTemplate().id);
    expect(body).not.toHaveProperty("text");
  });

  it("counts the message in bytes, as the composer does, and holds back a message too long", async () => {
    const { dialog, submit, user } = await openDialog({
      replyUntil: new Date(Date.now() + 20 * HOUR),
    });
    await user.click(within(dialog).getByLabelText("Message"));
    await user.paste("👋".repeat(251));
    expect(within(dialog).getByText("1004 / 1000 bytes")).toBeTruthy();
    expect(within(dialog).getByText(/Too long for Instagram/)).toBeTruthy();
    await user.click(submit);
    expect(callsTo("scheduled-messages")).toHaveLength(0);
  });

  it("shows the server's refusal in the dialog, with the window's end or each field", async () => {
    const replyUntil = new Date(Date.now() + 20 * HOUR);
    let reply = () =>
      fail(422, "outside_window", "Instagram's reply window closes before that time", {
        details: { reason: "after_window", window_closes_at: replyUntil.toISOString() },
      });
    const { dialog, submit, user } = await openDialog({ replyUntil, schedule: () => reply() });
    await user.type(within(dialog).getByLabelText("Message"), "Hello");
    await user.click(submit);
    const alert = await within(dialog).findByText(
      /^Not scheduled: Instagram's reply window closes before that time \(the window closes .+\)\.$/,
    );
    expect(alert).toBeTruthy();
    expect(screen.getByRole("dialog", { name: "Schedule a message" })).toBeTruthy();

    reply = () =>
      fail(422, "validation_failed", "The request body is invalid", {
        details: [{ path: "text", message: "Message cannot be empty." }],
      });
    await user.click(submit);
    expect(await within(dialog).findByText("text: Message cannot be empty.")).toBeTruthy();
    expect(within(dialog).getByText("Not scheduled: The request body is invalid")).toBeTruthy();
  });

  it("closes on Escape and gives focus back to the Schedule button; Tab goes down the form", async () => {
    const { dialog, user } = await openDialog({ replyUntil: new Date(Date.now() + 20 * HOUR) });
    const order: string[] = [];
    for (let i = 0; i < 9; i++) {
      const active = document.activeElement as HTMLElement;
      order.push(
        active.getAttribute("aria-label") ??
          (active as HTMLInputElement).labels?.[0]?.textContent?.trim() ??
          active.textContent?.trim() ??
          "",
      );
      await user.tab();
    }
    expect(order).toEqual([
      "Close",
      "At a time",
      "Date",
      "Time",
      "Cancel if they reply firstA follow-up never lands on top of their own reply.",
      "Templates",
      "Message",
      "Cancel",
      "Schedule",
    ]);
    expect(dialog.contains(document.activeElement)).toBe(true);

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Schedule" }));
  });
});
