import type { CreateInvitationResponse } from "@dm-desk/shared/contracts/workspaces";
import type { ImoRole } from "@dm-desk/shared/schemas/enums";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Dialog } from "@/components/ui/dialog.tsx";
import { FormField } from "@/components/ui/form-field.tsx";
import { Select } from "@/components/ui/select.tsx";
import {
  createInvitationInputSchema,
  useCreateInvitation,
} from "@/features/members/api/create-invitation.ts";
import { InvitationLink } from "@/features/members/components/invitation-link.tsx";
import { ROLE_NAMES } from "@/features/members/components/role-badge.tsx";
import { assignableRoles, ROLE_DESCRIPTIONS } from "@/features/members/utils/member-permissions.ts";

type InviteMemberDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  imoId: string;
  myRole: ImoRole;
};

// Two steps in one dialog: the address and role, then the link to send (shown once: the server
// keeps only its hash).
export function InviteMemberDialog({ open, onOpenChange, imoId, myRole }: InviteMemberDialogProps) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ImoRole>("recruiter");
  const [fieldError, setFieldError] = useState<string>();
  const [created, setCreated] = useState<CreateInvitationResponse>();
  const invite = useCreateInvitation({ onSuccess: setCreated });

  function handleOpenChange(next: boolean) {
    if (!next) {
      setEmail("");
      setRole("recruiter");
      setFieldError(undefined);
      setCreated(undefined);
      invite.reset();
    }
    onOpenChange(next);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createInvitationInputSchema.safeParse({ email, role });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message);
      return;
    }
    invite.mutate({ imoId, ...parsed.data });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={handleOpenChange}
      title={created ? "Send this invitation link" : "Invite a member"}
      description={created
        ? `It works once, for ${created.invitation.email}, until it expires in 7 days.`
        : "They join with the role you choose once they accept."}
    >
      {created
        ? (
          <div className="space-y-5">
            <InvitationLink token={created.token} />
            <div className="flex justify-end">
              <Button onClick={() => handleOpenChange(false)}>Done</Button>
            </div>
          </div>
        )
        : (
          <form noValidate onSubmit={handleSubmit} className="space-y-4">
            <FormField
              label="Email"
              name="email"
              type="email"
              autoComplete="off"
              placeholder="colleague@company.com"
              value={email}
              error={fieldError}
              onChange={(event) => {
                setEmail(event.target.value);
                setFieldError(undefined);
              }}
            />
            <Select
              label="Role"
              value={role}
              onValueChange={setRole}
              options={assignableRoles(myRole).map((value) => ({
                value,
                label: ROLE_NAMES[value],
                description: ROLE_DESCRIPTIONS[value],
              }))}
            />
            {invite.error && <Alert>{`Couldn't invite: ${invite.error.message}`}</Alert>}
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={() => handleOpenChange(false)}>Cancel</Button>
              <Button type="submit" isPending={invite.isPending} pendingLabel="Creating link…">
                Create invitation link
              </Button>
            </div>
          </form>
        )}
    </Dialog>
  );
}
