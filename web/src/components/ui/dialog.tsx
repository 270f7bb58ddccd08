import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ReactNode } from "react";
import { useOpenerFocus } from "@/hooks/use-opener-focus.ts";

type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  /** the inbox's look: zinc, compact, dark with the system's dark mode */
  isCompact?: boolean;
  children: ReactNode;
};

const LOOKS = {
  regular: {
    content: "max-w-md rounded-xl bg-white dark:bg-zinc-900 p-6",
    title: "text-base font-semibold text-neutral-900 dark:text-zinc-50",
    close:
      "text-neutral-400 dark:text-zinc-500 hover:bg-neutral-100 dark:hover:bg-zinc-800 hover:text-neutral-600 dark:hover:text-zinc-300",
    description: "mt-1.5 text-sm text-neutral-500 dark:text-zinc-400",
    body: "mt-5",
  },
  compact: {
    content:
      "max-w-sm rounded-lg border border-zinc-200 bg-white p-4 text-zinc-900 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100",
    title: "text-sm font-semibold text-zinc-900 dark:text-zinc-50",
    close:
      "text-zinc-400 hover:bg-zinc-100 hover:text-zinc-600 dark:hover:bg-zinc-800 dark:hover:text-zinc-300",
    description: "mt-1 text-[11px] text-zinc-500 dark:text-zinc-400",
    body: "mt-3",
  },
} as const;

// Radix gives focus trapping, Escape, outside-click and focus return to the trigger; this only
// adds the look. Full width below 640 px so forms stay usable at 375 px.
export function Dialog(
  { open, onOpenChange, title, description, isCompact = false, children }: DialogProps,
) {
  const look = LOOKS[isCompact ? "compact" : "regular"];
  const openerFocus = useOpenerFocus();
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-neutral-900/40 dark:bg-black/60" />
        <DialogPrimitive.Content
          data-slot="dialog"
          {...openerFocus}
          className={`fixed top-1/2 left-1/2 z-50 max-h-[90dvh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto shadow-xl focus:outline-none ${look.content}`}
        >
          <div className="flex items-start justify-between gap-4">
            <DialogPrimitive.Title className={look.title}>{title}</DialogPrimitive.Title>
            <DialogPrimitive.Close
              aria-label="Close"
              className={`-m-1 rounded-md p-1 focus-visible:outline-2 focus-visible:outline-indigo-600 ${look.close}`}
            >
              <X className="size-4" aria-hidden="true" />
            </DialogPrimitive.Close>
          </div>
          {description
            ? (
              <DialogPrimitive.Description className={look.description}>
                {description}
              </DialogPrimitive.Description>
            )
            : <DialogPrimitive.Description className="sr-only">{title}
            </DialogPrimitive.Description>}
          <div className={look.body}>{children}</div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
