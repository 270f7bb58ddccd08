import type { ComponentProps } from "react";
import { Spinner } from "@/components/ui/spinner.tsx";

type ButtonProps = ComponentProps<"button"> & {
  variant?: keyof typeof VARIANTS;
  size?: keyof typeof SIZES;
  isPending?: boolean;
  pendingLabel?: string;
};

// Variants are whole class sets rather than overrides appended to className: two Tailwind
// colours on one element win by stylesheet order, not by the order they are written in.
const VARIANTS = {
  primary:
    "bg-indigo-600 text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-indigo-600",
  secondary:
    "border border-neutral-300 dark:border-zinc-700 bg-white dark:bg-zinc-900 text-neutral-700 dark:text-zinc-200 shadow-xs hover:bg-neutral-50 dark:hover:bg-zinc-800 focus-visible:outline-indigo-600",
  danger: "bg-red-600 text-white shadow-sm hover:bg-red-500 focus-visible:outline-red-600",
  dangerOutline:
    "border border-neutral-300 dark:border-zinc-700 bg-white dark:bg-zinc-900 text-red-600 dark:text-red-400 shadow-xs hover:border-red-200 dark:hover:border-red-900 hover:bg-red-50 dark:hover:bg-red-950 focus-visible:outline-red-600",
} as const;

const SIZES = { md: "h-10 px-4", sm: "h-8 px-3" } as const;

export function Button({
  variant = "primary",
  size = "md",
  isPending = false,
  pendingLabel,
  disabled,
  className = "",
  children,
  type = "button",
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || isPending}
      aria-busy={isPending || undefined}
      // A pending button stays nearly opaque (it is busy, not unavailable); a disabled one fades.
      className={`inline-flex items-center justify-center gap-2 rounded-md text-sm font-semibold transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed ${
        isPending ? "disabled:opacity-80" : "disabled:opacity-50"
      } ${VARIANTS[variant]} ${SIZES[size]} ${className}`}
      {...props}
    >
      {isPending && <Spinner />}
      {isPending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
