import type { ReactNode } from "react";

export function AppLayout({ rail, children }: { rail: ReactNode; children: ReactNode }) {
  return (
    <div className="flex h-dvh overflow-hidden bg-neutral-900 text-neutral-900">
      {rail}
      {/* Rounded top-left corner lets the main pane sit "on" the dark rail, as in Slack. */}
      <main className="flex min-w-0 flex-1 flex-col overflow-hidden bg-white sm:my-1.5 sm:mr-1.5 sm:rounded-lg">
        {children}
      </main>
    </div>
  );
}
