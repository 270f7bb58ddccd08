import type { ReactNode } from "react";

type InboxNoticeProps = { icon: ReactNode; title: string; children: ReactNode };

/** What the Messages page shows in place of the inbox (no plan, no account): a small card. */
export function InboxNotice({ icon, title, children }: InboxNoticeProps) {
  return (
    <div className="flex flex-1 items-center justify-center bg-white p-6 dark:bg-zinc-950">
      <div className="w-full max-w-sm rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <div className="flex items-center gap-2">
          <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-indigo-50 text-indigo-600 dark:bg-indigo-950 dark:text-indigo-300">
            {icon}
          </span>
          <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-50">{title}</h2>
        </div>
        <div className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">{children}</div>
      </div>
    </div>
  );
}

export const NOTICE_ACTION =
  "mt-3 inline-flex h-7 items-center rounded-md bg-indigo-600 px-2.5 text-xs font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";
