import type { ReactNode } from "react";

type AlertProps = {
  tone?: "error" | "success";
  children: ReactNode;
};

const TONES = {
  error: "border-red-200 bg-red-50 text-red-700",
  success: "border-emerald-200 bg-emerald-50 text-emerald-800",
} as const;

export function Alert({ tone = "error", children }: AlertProps) {
  // role="alert" makes screen readers announce server errors that appear after submitting.
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-md border px-3 py-2.5 text-sm ${TONES[tone]}`}
    >
      {children}
    </div>
  );
}
