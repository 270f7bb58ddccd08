import type { ReactNode } from "react";
import { NavLink } from "react-router";
import { PageHeader } from "@/components/ui/page-header.tsx";
import { paths } from "@/config/paths.ts";

const TABS = [
  { label: "Command center", to: paths.app.home.getHref() },
  { label: "Insights", to: paths.app.insights.getHref() },
];

/** The frame of Home: the command center and insights, each with its own URL. */
export function HomePage({ section, children }: { section: string; children: ReactNode }) {
  return (
    <div className="flex min-h-0 flex-1 flex-col bg-zinc-50 dark:bg-zinc-950">
      <title>{`${section} · DM Desk`}</title>
      <PageHeader title="Home" />
      <nav
        aria-label="Home"
        className="flex shrink-0 gap-4 border-b border-zinc-200 bg-white px-3 pt-2 md:px-6 dark:border-zinc-800 dark:bg-zinc-950"
      >
        {TABS.map((tab) => (
          <NavLink
            key={tab.to}
            to={tab.to}
            end
            className={({ isActive }) =>
              `-mb-px border-b-2 px-1 pb-2 text-xs font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                isActive
                  ? "border-indigo-600 text-indigo-700 dark:text-indigo-300"
                  : "border-transparent text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200"
              }`}
          >
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <div className="min-h-0 flex-1 overflow-y-auto">{children}</div>
    </div>
  );
}
