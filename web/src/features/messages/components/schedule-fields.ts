// The schedule dialog's small form controls, in the inbox's compact zinc look.
export const SCHEDULE_INPUT =
  "h-7 w-full rounded-md border border-zinc-200 bg-white px-2 text-xs text-zinc-900 scheme-light focus:border-indigo-500 focus:outline-none aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:scheme-dark";
export const SCHEDULE_LABEL = "text-[11px] font-medium text-zinc-700 dark:text-zinc-300";
export const SCHEDULE_HINT = "text-[11px] text-zinc-500 dark:text-zinc-400";
export const SCHEDULE_PROBLEM = "text-[11px] text-red-600 dark:text-red-400";
