import { Building2, MailOpen } from "lucide-react";
import type { ReactNode } from "react";
import { CreateWorkspaceForm } from "@/features/workspaces/components/create-workspace-form.tsx";
import { JoinWithLinkForm } from "@/features/workspaces/components/join-with-link-form.tsx";

// What a new sign-up sees before they belong to any workspace: start one, or join one.
export function Onboarding() {
  return (
    <div className="flex-1 overflow-y-auto">
      <title>Get started · DM Desk</title>
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <h1 className="text-xl font-semibold tracking-tight text-neutral-900 dark:text-zinc-50">
          You are not in a workspace yet
        </h1>
        <p className="mt-1.5 text-sm text-neutral-500 dark:text-zinc-400">
          Create one for your team, or join your team's with the invitation link you were sent.
        </p>
        <div className="mt-8 grid gap-4 md:grid-cols-2">
          <OnboardingCard
            icon={<Building2 className="size-5" aria-hidden="true" />}
            title="Create a workspace"
            description="You become its owner and can invite your team."
          >
            <CreateWorkspaceForm />
          </OnboardingCard>
          <OnboardingCard
            icon={<MailOpen className="size-5" aria-hidden="true" />}
            title="Join your team"
            description="Open the invitation link, or paste it here."
          >
            <JoinWithLinkForm />
          </OnboardingCard>
        </div>
      </div>
    </div>
  );
}

type OnboardingCardProps = {
  icon: ReactNode;
  title: string;
  description: string;
  children: ReactNode;
};

function OnboardingCard({ icon, title, description, children }: OnboardingCardProps) {
  return (
    <section
      aria-label={title}
      className="rounded-xl border border-neutral-200 dark:border-zinc-800 bg-white dark:bg-zinc-900 p-5 shadow-sm sm:p-6"
    >
      <div className="mb-5 flex items-start gap-3">
        <div className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-indigo-50 dark:bg-indigo-950/60 text-indigo-600 dark:text-indigo-400">
          {icon}
        </div>
        <div>
          <h2 className="text-sm font-semibold text-neutral-900 dark:text-zinc-50">{title}</h2>
          <p className="mt-0.5 text-sm text-neutral-500 dark:text-zinc-400">{description}</p>
        </div>
      </div>
      {children}
    </section>
  );
}
