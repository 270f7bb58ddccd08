import { UserPlus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button.tsx";
import { CreateLeadDialog } from "@/features/leads/components/create-lead-dialog.tsx";

/** The Leads page's way to a manual lead: someone who never wrote to the inbox. */
export function AddLeadButton({ imoId }: { imoId: string }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button size="sm" onClick={() => setIsOpen(true)}>
        <UserPlus className="size-4" aria-hidden="true" />
        Add lead
      </Button>
      <CreateLeadDialog
        open={isOpen}
        onOpenChange={setIsOpen}
        imoId={imoId}
        onCreated={(lead) => toast.success(`${lead.full_name} added to Leads`)}
      />
    </>
  );
}
