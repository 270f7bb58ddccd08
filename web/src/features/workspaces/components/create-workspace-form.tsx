import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { FormField } from "@/components/ui/form-field.tsx";
import {
  createWorkspaceInputSchema,
  useCreateWorkspace,
} from "@/features/workspaces/api/create-workspace.ts";

// Creating succeeds into the new workspace: the gate above re-renders with it selected.
export function CreateWorkspaceForm() {
  const [name, setName] = useState("");
  const [fieldError, setFieldError] = useState<string>();
  const create = useCreateWorkspace();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createWorkspaceInputSchema.safeParse({ name });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message);
      return;
    }
    create.mutate(parsed.data);
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      <FormField
        label="Workspace name"
        name="name"
        autoComplete="organization"
        placeholder="Northwind Recruiting"
        maxLength={120}
        value={name}
        error={fieldError}
        onChange={(event) => {
          setName(event.target.value);
          setFieldError(undefined);
        }}
      />
      {create.error && <Alert>{`Couldn't create the workspace: ${create.error.message}`}</Alert>}
      <Button
        type="submit"
        className="w-full"
        isPending={create.isPending}
        pendingLabel="Creating…"
      >
        Create workspace
      </Button>
      <p className="text-xs text-neutral-500 dark:text-zinc-400">
        It starts on the Free plan; an owner can change plans in Settings › Plan.
      </p>
    </form>
  );
}
