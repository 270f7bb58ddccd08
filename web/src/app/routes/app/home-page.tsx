import type { ReactNode } from "react";
import { TabLinks } from "@/components/layouts/tab-links.tsx";
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
      <div className="shrink-0 border-b border-zinc-200 bg-white px-3 pt-3 md:px-6 dark:border-zinc-800 dark:bg-zinc-950">
        <TabLinks label="Home" tabs={TABS} />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">{children}</div>
    </div>
  );
}
