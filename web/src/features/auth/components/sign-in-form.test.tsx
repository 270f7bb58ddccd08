import { AuthApiError } from "@supabase/supabase-js";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { SignInForm } from "@/features/auth/components/sign-in-form.tsx";
import { auth, fakeSession } from "@/testing/supabase-mock.ts";
import { renderWithProviders } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

function renderForm() {
  const onSuccess = vi.fn();
  const view = renderWithProviders(<SignInForm onSuccess={onSuccess} />);
  return { ...view, onSuccess };
}

async function fillAndSubmit(
  user: ReturnType<typeof renderForm>["user"],
  email: string,
  password: string,
) {
  if (email) await user.type(screen.getByLabelText("Email"), email);
  if (password) await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("SignInForm", () => {
  it("renders labelled email and password inputs and a submit button", () => {
    renderForm();
    expect(screen.getByLabelText("Email").getAttribute("type")).toBe("email");
    expect(screen.getByLabelText("Password").getAttribute("type")).toBe("password");
    expect(screen.getByRole("button", { name: "Sign in" })).toBeTruthy();
  });

  it("rejects a short password without calling the API", async () => {
    const { user, onSuccess } = renderForm();
    await fillAndSubmit(user, "coach@example.com", "12345");

    const password = screen.getByLabelText("Password");
    expect(screen.getByText("Password must be at least 6 characters")).toBeTruthy();
    expect(password.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(password);
    expect(auth.signInWithPassword).not.toHaveBeenCalled();
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("asks for the password when it was left empty, not for a longer one", async () => {
    const { user } = renderForm();
    await fillAndSubmit(user, "coach@example.com", "");

    expect(screen.getByText("Enter your password")).toBeTruthy();
    expect(screen.queryByText("Password must be at least 6 characters")).toBeNull();
    expect(auth.signInWithPassword).not.toHaveBeenCalled();
  });

  it("rejects an invalid email without calling the API", async () => {
    const { user } = renderForm();
    await fillAndSubmit(user, "not-an-email", "correct-horse");

    expect(screen.getByText("Enter a valid email address")).toBeTruthy();
    expect(auth.signInWithPassword).not.toHaveBeenCalled();
  });

  it("clears a field's error once the user edits it", async () => {
    const { user } = renderForm();
    await fillAndSubmit(user, "coach@example.com", "123");
    expect(screen.queryByText("Password must be at least 6 characters")).not.toBeNull();

    await user.type(screen.getByLabelText("Password"), "4");
    expect(screen.queryByText("Password must be at least 6 characters")).toBeNull();
  });

  it("shows GoTrue's error message when sign-in fails", async () => {
    auth.signInWithPassword.mockResolvedValue({
      data: { user: null, session: null },
      error: new AuthApiError("Invalid login credentials", 400, "invalid_credentials"),
    });
    const { user, onSuccess } = renderForm();
    await fillAndSubmit(user, "coach@example.com", "wrong-password");

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Invalid login credentials");
    expect(onSuccess).not.toHaveBeenCalled();
    expect(
      (screen.getByRole("button", { name: "Sign in" }) as HTMLButtonElement).disabled,
    ).toBe(false);
  });

  it("shows a readable message when the request itself throws", async () => {
    auth.signInWithPassword.mockRejectedValue(new Error("socket hang up"));
    const { user } = renderForm();
    await fillAndSubmit(user, "coach@example.com", "correct-horse");

    expect((await screen.findByRole("alert")).textContent).toBe("socket hang up");
  });

  it("calls the API with the typed credentials and reports success", async () => {
    let resolve: (value: unknown) => void = () => {};
    auth.signInWithPassword.mockReturnValue(new Promise((r) => (resolve = r)));
    const { user, onSuccess } = renderForm();
    await fillAndSubmit(user, "coach@example.com", "correct-horse");

    expect(auth.signInWithPassword).toHaveBeenCalledTimes(1);
    expect(auth.signInWithPassword).toHaveBeenCalledWith({
      email: "coach@example.com",
      password: "correct-horse",
    });

    // While the request is in flight the button is disabled and says so.
    const pending = await screen.findByRole("button", { name: "Signing in…" });
    expect((pending as HTMLButtonElement).disabled).toBe(true);
    expect(onSuccess).not.toHaveBeenCalled();

    resolve({ data: { user: fakeSession().user, session: fakeSession() }, error: null });
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
