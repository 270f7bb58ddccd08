import { AuthApiError } from "@supabase/supabase-js";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { SignUpForm } from "@/features/auth/components/sign-up-form.tsx";
import { auth, fakeSession } from "@/testing/supabase-mock.ts";
import { renderWithProviders } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

function renderForm() {
  const onSuccess = vi.fn();
  const view = renderWithProviders(<SignUpForm onSuccess={onSuccess} />);
  return { ...view, onSuccess };
}

async function fillAndSubmit(user: ReturnType<typeof renderForm>["user"], password: string) {
  await user.type(screen.getByLabelText("Email"), "new.coach@example.com");
  await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Create account" }));
}

describe("SignUpForm", () => {
  it("asks the browser for a new password, not a saved one", () => {
    renderForm();
    expect(screen.getByLabelText("Password").getAttribute("autocomplete")).toBe("new-password");
  });

  it("rejects a short password without calling the API", async () => {
    const { user } = renderForm();
    await fillAndSubmit(user, "abc");

    expect(screen.getByText("Password must be at least 6 characters")).toBeTruthy();
    expect(auth.signUp).not.toHaveBeenCalled();
  });

  it("signs up with the typed credentials and reports success when a session comes back", async () => {
    const session = fakeSession("new.coach@example.com");
    auth.signUp.mockResolvedValue({ data: { user: session.user, session }, error: null });
    const { user, onSuccess } = renderForm();
    await fillAndSubmit(user, "correct-horse");

    expect(auth.signUp).toHaveBeenCalledWith({
      email: "new.coach@example.com",
      password: "correct-horse",
    });
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
  });

  it("asks the user to confirm their email when GoTrue returns no session", async () => {
    auth.signUp.mockResolvedValue({
      data: { user: fakeSession().user, session: null },
      error: null,
    });
    const { user, onSuccess } = renderForm();
    await fillAndSubmit(user, "correct-horse");

    expect((await screen.findByRole("status")).textContent).toMatch(/confirm your email/);
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("shows GoTrue's error message when the account already exists", async () => {
    auth.signUp.mockResolvedValue({
      data: { user: null, session: null },
      error: new AuthApiError("User already registered", 422, "user_already_exists"),
    });
    const { user, onSuccess } = renderForm();
    await fillAndSubmit(user, "correct-horse");

    expect((await screen.findByRole("alert")).textContent).toBe("User already registered");
    expect(onSuccess).not.toHaveBeenCalled();
  });
});
