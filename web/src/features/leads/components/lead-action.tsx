import type { RecruitingLead } from "@dm-desk/shared/schemas/recruiting-lead";
import { UserPlus, UserRoundCheck } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";
import { COMPACT_BUTTON as BUTTON } from "@/components/ui/compact-menu.tsx";
import { paths } from "@/config/paths.ts";
import { CreateLeadDialog } from "@/features/leads/components/create-lead-dialog.tsx";

type LeadActionProps = {
  imoId: string;
  conversationId: string;
  lead: { id: string; full_name: string } | null;
  onCreated: (lead: RecruitingLead) => void;
};

/** The conversation's lead: a link to it on the Leads page, or the way to create one. */
export function LeadAction({ imoId, conversationId, lead, onCreated }: LeadActionProps) {
  const [isOpen, setIsOpen] = useState(false);
  if (lead) {
    return (
      <Link to={paths.app.leads.getHref()} className={BUTTON} title={`Lead: ${lead.full_name}`}>
        <UserRoundCheck className="size-3" aria-hidden="true" />
        <span className="max-w-28 truncate">{lead.full_name}</span>
      </Link>
    );
  }
  return (
    <>
      <button type="button" className={BUTTON} onClick={() => setIsOpen(true)}>
        <UserPlus className="size-3" aria-hidden="true" />
        Create lead
      </button>
      <CreateLeadDialog
        open={isOpen}
        onOpenChange={setIsOpen}
        imoId={imoId}
        conversationId={conversationId}
        onCreated={onCreated}
      />
    </>
  );
}
