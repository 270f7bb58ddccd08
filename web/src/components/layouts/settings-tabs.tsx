import { TabLinks } from "@/components/layouts/tab-links.tsx";
import { paths } from "@/config/paths.ts";

const TABS = [
  { label: "Channels", to: paths.app.settings.getHref() },
  { label: "Health", to: paths.app.settingsHealth.getHref() },
  { label: "Members", to: paths.app.settingsMembers.getHref() },
  { label: "Templates", to: paths.app.settingsTemplates.getHref() },
  { label: "Automation", to: paths.app.settingsAutomation.getHref() },
  { label: "Plan", to: paths.app.settingsPlan.getHref() },
  { label: "AI", to: paths.app.settingsAi.getHref() },
];

// The sections of Settings, as links (each has its own URL, so it can be shared and reloaded).
export function SettingsTabs() {
  return <TabLinks label="Settings" tabs={TABS} />;
}
