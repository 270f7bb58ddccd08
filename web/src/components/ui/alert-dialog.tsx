import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { useOpenerFocus } from "@/hooks/use-opener-focus.ts";

type AlertDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  isPending: boolean;
  error?: string;
  onConfirm: () => void;
  /** where the focus goes on closing when what opened it is gone (the row just deleted) */
  fallbackFocus?: () => HTMLElement | null;
};

// A confirmation before something destructive. Radix puts focus on Cancel, so Enter never
// destroys anything by accident; the dialog stays open while the action runs or if it fails.
// Closing it gives focus back to what opened it.
export function AlertDialog(props: AlertDialogProps) {
  const { open, onOpenChange, isPending } = props;
  const openerFocus = useOpenerFocus(props.fallbackFocus);
  return (
    <AlertDialogPrimitive.Root
      open={open}
      onOpenChange={(next) => {
        if (!isPending) onOpenChange(next);
      }}
    >
      <AlertDialogPrimitive.Portal>
        <AlertDialogPrimitive.Overlay className="fixed inset-0 z-50 bg-neutral-900/40 dark:bg-black/60" />
        <AlertDialogPrimitive.Content
          data-slot="alert-dialog"
          {...openerFocus}
          className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white dark:bg-zinc-900 p-6 shadow-xl focus:outline-none"
        >
          <AlertDialogPrimitive.Title className="text-base font-semibold text-neutral-900 dark:text-zinc-50">
            {props.title}
          </AlertDialogPrimitive.Title>
          <AlertDialogPrimitive.Description asChild>
            <div className="mt-2 space-y-2 text-sm leading-6 text-neutral-600 dark:text-zinc-300">
              {props.children}
            </div>
          </AlertDialogPrimitive.Description>
          {props.error && <Alert className="mt-4">{props.error}</Alert>}
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialogPrimitive.Cancel asChild>
              <Button variant="secondary" disabled={isPending}>Cancel</Button>
            </AlertDialogPrimitive.Cancel>
            <Button
              variant="danger"
              isPending={isPending}
              pendingLabel={props.pendingLabel}
              onClick={props.onConfirm}
            >
              {props.confirmLabel}
            </Button>
          </div>
        </AlertDialogPrimitive.Content>
      </AlertDialogPrimitive.Portal>
    </AlertDialogPrimitive.Root>
  );
}
