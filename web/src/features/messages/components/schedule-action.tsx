import { CalendarClock } from "lucide-react";
import { useState } from "react";
import { COMPACT_BUTTON } from "@/components/ui/compact-menu.tsx";
import { ScheduleDialog } from "@/features/messages/components/schedule-dialog.tsx";

type ScheduleActionProps = {
  imoId: string;
  conversationId: string;
  contactName: string;
  replyUntil: string | null;
  canUseTemplates: boolean;
  /** why nothing can be scheduled now (a disconnected account) */
  disabledReason?: string;
};

/** The actions bar's "Schedule": a message for later, or for their next message. */
export function ScheduleAction(props: ScheduleActionProps) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={COMPACT_BUTTON}
        disabled={Boolean(props.disabledReason)}
        title={props.disabledReason}
        onClick={() => setIsOpen(true)}
      >
        <CalendarClock className="size-3" aria-hidden="true" />
        Schedule
      </button>
      <ScheduleDialog
        open={isOpen}
        onOpenChange={setIsOpen}
        imoId={props.imoId}
        conversationId={props.conversationId}
        contactName={props.contactName}
        replyUntil={props.replyUntil}
        canUseTemplates={props.canUseTemplates}
      />
    </>
  );
}
