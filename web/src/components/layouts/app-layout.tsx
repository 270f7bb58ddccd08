import type { ReactNode } from "react";

/**
 * The signed-in shell: the dark rail on the left, or, below 768 px (a phone), a bar along the
 * bottom, so the page keeps the whole width.
 */
export function AppLayout({ rail, children }: { rail: ReactNode; children: ReactNode }) {
  return (
    <div className="flex h-dvh flex-col-reverse overflow-hidden bg-neutral-900 text-neutral-900 dark:text-zinc-50 md:flex-row">
      {rail}
      {
        /* Rounded top-left corner lets the main pane sit "on" the dark rail, as in Slack. Relative:
          absolutely placed descendants (sr-only text far down a clipped list) stay inside it
          instead of making the document taller than the window. */
      }
      <main className="relative flex min-h-0 min-w-0 flex-1 flex-col overflow-hidden bg-white dark:bg-zinc-950 md:my-1.5 md:mr-1.5 md:rounded-lg">
        {children}
      </main>
    </div>
  );
}
