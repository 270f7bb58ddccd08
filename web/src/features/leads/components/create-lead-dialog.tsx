import { createLeadSchema } from "@dm-desk/shared/contracts/recruiting-leads";
import type { RecruitingLead } from "@dm-desk/shared/schemas/recruiting-lead";
import { type FormEvent, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Dialog } from "@/components/ui/dialog.tsx";
import { FormField } from "@/components/ui/form-field.tsx";
import { useCreateLead } from "@/features/leads/api/create-lead.ts";
import { useLeadPrefill } from "@/features/leads/api/get-lead-prefill.ts";

type CreateLeadDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  imoId: string;
  /** the conversation the lead comes from; without one, a manual lead */
  conversationId?: string;
  onCreated: (lead: RecruitingLead) => void;
};

const EMPTY = { first_name: "", last_name: "", email: "", phone: "", notes: "" };
type Fields = typeof EMPTY;

/**
 * A lead from a conversation (the contact's names filled in, the rest from the recruiter), or a
 * manual one from the Leads page: someone met at a job fair, a referral by phone.
 */
export function CreateLeadDialog(props: CreateLeadDialogProps) {
  const { open, imoId, conversationId } = props;
  const prefill = useLeadPrefill(conversationId ?? "", open && conversationId !== undefined);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Fields, string>>>({});
  const create = useCreateLead({
    onSuccess: (lead) => {
      props.onCreated(lead);
      handleOpenChange(false);
    },
  });

  // The contact's names arrive after the dialog opens; they fill only what is still empty.
  useEffect(() => {
    if (!prefill.data) return;
    const { first_name, last_name, email, phone } = prefill.data;
    setFields((current) => ({
      ...current,
      first_name: current.first_name || first_name || "",
      last_name: current.last_name || last_name || "",
      // what the AI read in their messages
      email: current.email || email || "",
      phone: current.phone || phone || "",
    }));
  }, [prefill.data]);

  function handleOpenChange(next: boolean) {
    if (!next) {
      setFields(EMPTY);
      setErrors({});
      create.reset();
    }
    props.onOpenChange(next);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { notes, ...required } = fields;
    const input = {
      imo_id: imoId,
      ...(conversationId ? { conversation_id: conversationId } : {}),
      ...required,
      ...(notes ? { notes } : {}),
    };
    const parsed = createLeadSchema.safeParse(input);
    if (!parsed.success) {
      const next: Partial<Record<keyof Fields, string>> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (typeof key === "string" && key in EMPTY) next[key as keyof Fields] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    create.mutate(input);
  }

  const field = (name: keyof Fields) => ({
    name,
    value: fields[name],
    error: errors[name],
    onChange: (event: { target: { value: string } }) => {
      setFields((current) => ({ ...current, [name]: event.target.value }));
      setErrors((current) => ({ ...current, [name]: undefined }));
    },
  });

  const username = prefill.data?.instagram_username;
  return (
    <Dialog
      open={open}
      onOpenChange={handleOpenChange}
      title={conversationId ? "Create a lead" : "Add a lead"}
      description={!conversationId
        ? "Someone you met outside the inbox. Source: Manual."
        : username
        ? `From @${username}'s conversation. Source: Instagram DM.`
        : "From this conversation. Source: Instagram DM."}
    >
      <form noValidate onSubmit={handleSubmit} className="space-y-3">
        {prefill.error && <Alert>{`Couldn't load the contact: ${prefill.error.message}`}</Alert>}
        <div className="grid grid-cols-2 gap-3">
          <FormField label="First name" autoComplete="off" {...field("first_name")} />
          <FormField label="Last name" autoComplete="off" {...field("last_name")} />
        </div>
        <FormField label="Email" type="email" autoComplete="off" {...field("email")} />
        <FormField
          label="Phone"
          type="tel"
          autoComplete="off"
          placeholder="+14155550123"
          {...field("phone")}
        />
        <FormField label="Notes (optional)" autoComplete="off" {...field("notes")} />
        {create.error && <Alert>{`Couldn't create the lead: ${create.error.message}`}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" size="sm" onClick={() => handleOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" size="sm" isPending={create.isPending} pendingLabel="Creating…">
            Create lead
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
