import { Check, Copy } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import { invitationLink } from "@/utils/invitation-link.ts";

// No mail server runs locally, so the link is shown to copy (README "Invitations" says how
// production would email it).
export function InvitationLink({ token }: { token: string }) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [isCopied, setIsCopied] = useState(false);
  const link = invitationLink(globalThis.location.origin, token);

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(link);
      setIsCopied(true);
    } catch {
      // clipboard blocked (insecure origin, permissions): select it for a manual copy
      inputRef.current?.select();
    }
  }

  return (
    <div className="space-y-1.5">
      <label
        htmlFor={inputId}
        className="block text-sm font-medium text-neutral-700 dark:text-zinc-200"
      >
        Invitation link
      </label>
      <div className="flex gap-2">
        <input
          ref={inputRef}
          id={inputId}
          readOnly
          value={link}
          onFocus={(event) => event.currentTarget.select()}
          className="block h-10 min-w-0 flex-1 rounded-md border border-neutral-300 dark:border-zinc-700 bg-neutral-50 dark:bg-zinc-900 px-3 font-mono text-xs text-neutral-700 dark:text-zinc-200"
        />
        <Button variant="secondary" onClick={handleCopy} aria-label="Copy invitation link">
          {isCopied
            ? <Check className="size-4 text-emerald-600 dark:text-emerald-400" aria-hidden="true" />
            : <Copy className="size-4" aria-hidden="true" />}
          <span className="hidden sm:inline">{isCopied ? "Copied" : "Copy"}</span>
        </Button>
      </div>
    </div>
  );
}
