import type { ImoRole } from "@dm-desk/shared/schemas/enums";

const STYLES: Record<ImoRole, string> = {
  owner:
    "bg-indigo-50 dark:bg-indigo-950/60 text-indigo-700 dark:text-indigo-300 ring-indigo-600/20",
  admin: "bg-sky-50 dark:bg-sky-950/60 text-sky-700 dark:text-sky-300 ring-sky-600/20",
  recruiter:
    "bg-neutral-100 dark:bg-zinc-800 text-neutral-700 dark:text-zinc-200 ring-neutral-500/20 dark:ring-zinc-400/20",
};

export const ROLE_NAMES: Record<ImoRole, string> = {
  owner: "Owner",
  admin: "Admin",
  recruiter: "Recruiter",
};

export function RoleBadge({ role }: { role: ImoRole }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
        STYLES[role]
      }`}
    >
      {ROLE_NAMES[role]}
    </span>
  );
}
