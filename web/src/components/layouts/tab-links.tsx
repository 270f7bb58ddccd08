import { NavLink } from "react-router";

export type TabLink = { label: string; to: string };

/**
 * Sections of a page as links (each has its own URL, so it can be shared and reloaded). On a phone
 * they wrap onto a second line rather than scroll out of sight with no sign that more follow.
 */
export function TabLinks({ label, tabs }: { label: string; tabs: TabLink[] }) {
  return (
    <nav aria-label={label} className="-mb-px flex flex-wrap gap-x-4 gap-y-1">
      {tabs.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          end
          className={({ isActive }) =>
            `border-b-2 px-1 pb-2.5 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-indigo-600 ${
              isActive
                ? "border-indigo-600 text-indigo-700 dark:text-indigo-300"
                : "border-transparent text-neutral-500 dark:text-zinc-400 hover:border-neutral-300 dark:hover:border-zinc-700 hover:text-neutral-700 dark:hover:text-zinc-200"
            }`}
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
