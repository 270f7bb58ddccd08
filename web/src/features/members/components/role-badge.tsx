import type { ImoRole } from "@dm-desk/shared/schemas/enums";

const STYLES: Record<ImoRole, string> = {
  owner: "bg-indigo-50 text-indigo-700 ring-indigo-600/20",
  admin: "bg-sky-50 text-sky-700 ring-sky-600/20",
  recruiter: "bg-neutral-100 text-neutral-700 ring-neutral-500/20",
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
