import { NavLink } from "react-router";
import { paths } from "@/config/paths.ts";

const TABS = [
  { label: "Channels", to: paths.app.settings.getHref() },
  { label: "Health", to: paths.app.settingsHealth.getHref() },
  { label: "Members", to: paths.app.settingsMembers.getHref() },
  { label: "Automation", to: paths.app.settingsAutomation.getHref() },
  { label: "Plan", to: paths.app.settingsPlan.getHref() },
  { label: "AI", to: paths.app.settingsAi.getHref() },
];

// The sections of Settings, as links (each has its own URL, so it can be shared and reloaded).
export function SettingsTabs() {
  return (
    <nav aria-label="Settings" className="-mb-px flex gap-4 overflow-x-auto">
      {TABS.map((tab) => (
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
