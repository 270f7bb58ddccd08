import { EmptyState } from "@/components/ui/empty-state.tsx";
import { ClockIcon } from "@/components/ui/icons.tsx";
import { PageHeader } from "@/components/ui/page-header.tsx";

export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <>
      <title>{`${title} · DM Desk`}</title>
      <PageHeader title={title} />
      <EmptyState
        icon={<ClockIcon className="size-6" />}
        title="Coming soon"
        description={description}
      />
    </>
  );
}
