import { Outlet } from "react-router";
import { AppLayout } from "@/components/layouts/app-layout.tsx";
import { NavRail, type NavRailItem } from "@/components/layouts/nav-rail.tsx";
import {
  LayoutDashboard,
  Megaphone,
  MessageCircle,
  MessageSquare,
  SlidersVertical,
  Users,
} from "lucide-react";
import { paths } from "@/config/paths.ts";
import { SignOutButton } from "@/features/auth/components/sign-out-button.tsx";
import { useSession } from "@/features/auth/hooks/use-session.ts";
import { WorkspaceGate } from "@/features/workspaces/components/workspace-gate.tsx";
import { WorkspaceSwitcher } from "@/features/workspaces/components/workspace-switcher.tsx";

const NAV_ITEMS: NavRailItem[] = [
  { label: "Home", to: paths.app.home.getHref(), icon: LayoutDashboard },
  { label: "Messages", to: paths.app.messages.getHref(), icon: MessageSquare },
  { label: "Comments", to: paths.app.comments.getHref(), icon: MessageCircle },
  { label: "Publishing", to: paths.app.publishing.getHref(), icon: Megaphone },
  { label: "Leads", to: paths.app.leads.getHref(), icon: Users },
  { label: "Settings", to: paths.app.settings.getHref(), icon: SlidersVertical },
];

export function AppRoot() {
  const { session } = useSession();
  const email = session?.user.email ?? "";

  return (
    <AppLayout
      rail={
        <NavRail
          workspace={<WorkspaceSwitcher />}
          items={NAV_ITEMS}
          footer={
            <>
              <SignOutButton />
              {/* the initial tile only beside the rail: a phone's bottom row keeps its width for the pages */}
              <div
                title={email}
                className="hidden size-8 items-center justify-center rounded-full bg-neutral-700 text-xs font-semibold text-white md:flex"
              >
                <span aria-hidden="true">{email.charAt(0).toUpperCase() || "?"}</span>
              </div>
              <span className="sr-only">{`Signed in as ${email}`}</span>
            </>
          }
        />
      }
    >
      <WorkspaceGate>
        <Outlet />
      </WorkspaceGate>
    </AppLayout>
  );
}
