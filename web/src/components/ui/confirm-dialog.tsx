import { type ReactNode, useEffect, useId, useRef } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";

type ConfirmDialogProps = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  isPending: boolean;
  error?: string;
  onConfirm: () => void;
  onCancel: () => void;
};

// A hand-rolled modal rather than <dialog>: jsdom has no showModal(), and this is the only
// dialog so far. Rendered only while open.
export function ConfirmDialog(props: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { isPending, onCancel } = props;

  useEffect(() => {
    // Focus starts on Cancel: Enter on a destructive dialog should not destroy anything.
    cancelRef.current?.focus();
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !isPending) onCancel();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [isPending, onCancel]);

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-neutral-900/40 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        className="w-full max-w-md rounded-xl bg-white p-6 shadow-xl"
      >
        <h2 id={titleId} className="text-base font-semibold text-neutral-900">{props.title}</h2>
        <div id={bodyId} className="mt-2 space-y-2 text-sm leading-6 text-neutral-600">
          {props.children}
        </div>
        {props.error && <Alert className="mt-4">{props.error}</Alert>}
        <div className="mt-6 flex justify-end gap-2">
          <Button ref={cancelRef} variant="secondary" disabled={isPending} onClick={onCancel}>
            Cancel
          </Button>
          <Button
            variant="danger"
            isPending={isPending}
            pendingLabel={props.pendingLabel}
            onClick={props.onConfirm}
          >
            {props.confirmLabel}
          </Button>
        </div>
      </div>
    </div>
  );
}
