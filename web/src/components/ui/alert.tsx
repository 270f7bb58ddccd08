import type { ReactNode } from "react";

type AlertProps = {
  tone?: "error" | "success" | "warning" | "info";
  className?: string;
  children: ReactNode;
};

const TONES = {
  error:
    "border-red-200 dark:border-red-900 bg-red-50 dark:bg-red-950/60 text-red-700 dark:text-red-300",
  success:
    "border-emerald-200 dark:border-emerald-900 bg-emerald-50 dark:bg-emerald-950/60 text-emerald-800 dark:text-emerald-300",
  warning:
    "border-amber-200 dark:border-amber-900 bg-amber-50 dark:bg-amber-950/60 text-amber-800 dark:text-amber-300",
  info:
    "border-neutral-200 dark:border-zinc-800 bg-neutral-50 dark:bg-zinc-900 text-neutral-700 dark:text-zinc-200",
} as const;

export function Alert({ tone = "error", className = "", children }: AlertProps) {
  // role="alert" makes screen readers announce server errors that appear after submitting;
  // everything else is a polite status.
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-md border px-3 py-2.5 text-sm ${TONES[tone]} ${className}`}
    >
      {children}
    </div>
  );
}
