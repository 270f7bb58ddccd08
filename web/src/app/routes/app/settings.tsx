import { ComingSoon } from "@/components/ui/coming-soon.tsx";

export function SettingsRoute() {
  return (
    <ComingSoon
      title="Settings"
      description="Connect Instagram accounts and manage your workspace and teammates."
    />
  );
}
