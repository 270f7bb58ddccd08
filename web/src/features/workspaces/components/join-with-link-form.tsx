import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { Button } from "@/components/ui/button.tsx";
import { FormField } from "@/components/ui/form-field.tsx";
import { paths } from "@/config/paths.ts";
import { invitationTokenFromLink } from "@/utils/invitation-link.ts";

// Opening the link itself is the usual way in; pasting it here helps whoever copied it into
// the wrong tab, or got it in a chat that does not make links clickable.
export function JoinWithLinkForm() {
  const navigate = useNavigate();
  const [link, setLink] = useState("");
  const [error, setError] = useState<string>();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const token = invitationTokenFromLink(link);
    if (!token) {
      setError("Paste the whole invitation link");
      return;
    }
    navigate(paths.invite.getHref(token));
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      <FormField
        label="Invitation link"
        name="invitation"
        autoComplete="off"
        placeholder="https://…/invite/…"
        value={link}
        error={error}
        onChange={(event) => {
          setLink(event.target.value);
          setError(undefined);
        }}
      />
      <Button type="submit" variant="secondary" className="w-full">Open invitation</Button>
      <p className="text-xs text-neutral-500 dark:text-zinc-400">
        No link? Ask an owner or admin of your team's workspace to invite your email address.
      </p>
    </form>
  );
}
