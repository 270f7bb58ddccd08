import { type FormEvent, type ReactNode, useState } from "react";
import { z } from "zod";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { FormField } from "@/components/ui/form-field.tsx";

export type Credentials = { email: string; password: string };
type FieldErrors = Partial<Record<keyof Credentials, string>>;

type CredentialsFormProps = {
  schema: z.ZodType<Credentials>;
  submitLabel: string;
  pendingLabel: string;
  passwordAutoComplete: "current-password" | "new-password";
  isPending: boolean;
  serverError?: string;
  notice?: ReactNode;
  onSubmit: (values: Credentials) => void;
};

// Sign-in and sign-up collect the same two fields; only the copy and the API call differ.
export function CredentialsForm(props: CredentialsFormProps) {
  const [values, setValues] = useState<Credentials>({ email: "", password: "" });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function handleChange(field: keyof Credentials, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    // Stale errors next to a field the user is already fixing read as nagging.
    setFieldErrors((current) => ({ ...current, [field]: undefined }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = props.schema.safeParse(values);
    if (!result.success) {
      const { fieldErrors: issues } = z.flattenError(result.error);
      setFieldErrors({ email: issues.email?.[0], password: issues.password?.[0] });
      const firstInvalid = issues.email ? "email" : "password";
      const input = event.currentTarget.elements.namedItem(firstInvalid);
      if (input instanceof HTMLInputElement) input.focus();
      return;
    }
    props.onSubmit(result.data);
  }

  return (
    // noValidate: the browser's own bubbles would pre-empt the zod messages and look different
    // in every browser.
    <form noValidate onSubmit={handleSubmit} className="space-y-5">
      <FormField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        placeholder="you@company.com"
        value={values.email}
        error={fieldErrors.email}
        onChange={(event) => handleChange("email", event.target.value)}
      />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete={props.passwordAutoComplete}
        value={values.password}
        error={fieldErrors.password}
        onChange={(event) => handleChange("password", event.target.value)}
      />
      {props.serverError && <Alert>{props.serverError}</Alert>}
      {props.notice}
      <Button
        type="submit"
        className="w-full"
        isPending={props.isPending}
        pendingLabel={props.pendingLabel}
      >
        {props.submitLabel}
      </Button>
    </form>
  );
}
