import type { ReactNode } from "react";

type AlertProps = {
  tone?: "error" | "success" | "warning" | "info";
  className?: string;
  children: ReactNode;
};

const TONES = {
  error: "border-red-200 bg-red-50 text-red-700",
  success: "border-emerald-200 bg-emerald-50 text-emerald-800",
  warning: "border-amber-200 bg-amber-50 text-amber-800",
  info: "border-neutral-200 bg-neutral-50 text-neutral-700",
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
