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

/** A column on the left; below 768 px a row along the bottom (AppLayout puts it there). */
export function NavRail({ workspace, items, footer }: NavRailProps) {
  return (
    <nav
      aria-label="Main"
      className="flex shrink-0 items-center gap-1 bg-neutral-900 px-1.5 pt-1 pb-[max(0.25rem,env(safe-area-inset-bottom))] md:w-[72px] md:flex-col md:gap-4 md:px-0 md:py-3"
    >
      {workspace}
      {/* on a phone the items share the row (six fit at 375 px); it scrolls rather than widen the page */}
      <ul className="flex min-w-0 flex-1 items-center justify-around overflow-x-auto md:flex-col md:gap-1 md:justify-start md:overflow-visible">
        {items.map((item) => (
          <li key={item.to} className="min-w-11 flex-1 md:flex-none">
            <NavRailLink item={item} />
          </li>
        ))}
      </ul>
      {footer && <div className="flex items-center gap-1 md:flex-col md:gap-2">{footer}</div>}
    </nav>
  );
}

function NavRailLink({ item }: { item: NavRailItem }) {
  const Icon = item.icon;
  // Slack-style: icon tile with a tiny caption; NavLink adds aria-current="page" when active.
  return (
    <NavLink
      to={item.to}
      className="group flex w-full flex-col items-center gap-1 rounded-lg py-1 focus-visible:outline-2 focus-visible:outline-indigo-400 md:w-14"
    >
      {({ isActive }) => (
        <>
          <span
            className={`flex size-8 items-center justify-center rounded-lg transition-colors md:size-9 ${
              isActive
                ? "bg-white/15 text-white"
                : "text-neutral-400 group-hover:bg-white/10 group-hover:text-white"
            }`}
          >
            <Icon className="size-5" aria-hidden="true" />
          </span>
          <span
            className={`whitespace-nowrap text-[9px] font-medium tracking-tight md:text-[11px] md:tracking-normal ${
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
