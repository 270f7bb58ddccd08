import * as TooltipPrimitive from "@radix-ui/react-tooltip";
import type { ReactNode } from "react";

type TooltipProps = { content: ReactNode; children: ReactNode; side?: "top" | "bottom" };

// Radix shows it on hover and on keyboard focus and names it as the trigger's description, so
// the trigger must be focusable (a button, or given tabIndex).
export function Tooltip({ content, children, side = "bottom" }: TooltipProps) {
  return (
    <TooltipPrimitive.Provider delayDuration={200}>
      <TooltipPrimitive.Root>
        <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
        <TooltipPrimitive.Portal>
          <TooltipPrimitive.Content
            side={side}
            sideOffset={4}
            collisionPadding={8}
            data-slot="tooltip"
            className="z-50 max-w-64 rounded-md bg-zinc-900 px-2 py-1.5 text-[11px] leading-4 text-zinc-50 shadow-md dark:bg-zinc-100 dark:text-zinc-900"
          >
            {content}
            <TooltipPrimitive.Arrow className="fill-zinc-900 dark:fill-zinc-100" />
          </TooltipPrimitive.Content>
        </TooltipPrimitive.Portal>
      </TooltipPrimitive.Root>
    </TooltipPrimitive.Provider>
  );
}
