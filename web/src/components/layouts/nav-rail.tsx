import type { ComponentType, ReactNode } from "react";
import { NavLink } from "react-router";

export type NavRailItem = {
  label: string;
  to: string;
  icon: ComponentType<{ className?: string; "aria-hidden"?: boolean | "true" }>;
};

type NavRailProps = {
  // A slot rather than a name: the layout stays unaware of workspaces and their switcher.
  workspace: ReactNode;
  items: NavRailItem[];
  footer?: ReactNode;
};

export function NavRail({ workspace, items, footer }: NavRailProps) {
  return (
    <nav
      aria-label="Main"
      className="flex w-[72px] shrink-0 flex-col items-center gap-4 bg-neutral-900 py-3"
    >
      {workspace}
      <ul className="flex flex-1 flex-col items-center gap-1">
        {items.map((item) => (
          <li key={item.to}>
            <NavRailLink item={item} />
          </li>
        ))}
      </ul>
      {footer && <div className="flex flex-col items-center gap-2">{footer}</div>}
    </nav>
  );
}

function NavRailLink({ item }: { item: NavRailItem }) {
  const Icon = item.icon;
  // Slack-style: icon tile with a tiny caption; NavLink adds aria-current="page" when active.
  return (
    <NavLink to={item.to} className="group flex w-14 flex-col items-center gap-1 py-1">
      {({ isActive }) => (
        <>
          <span
            className={`flex size-9 items-center justify-center rounded-lg transition-colors ${
              isActive
                ? "bg-white/15 text-white"
                : "text-neutral-400 group-hover:bg-white/10 group-hover:text-white"
            }`}
          >
            <Icon className="size-5" aria-hidden="true" />
          </span>
          <span
            className={`text-[11px] font-medium ${
              isActive ? "text-white" : "text-neutral-400 group-hover:text-white"
            }`}
          >
            {item.label}
          </span>
        </>
      )}
    </NavLink>
  );
}
