import { PageHeader } from "@/components/ui/page-header.tsx";
import { ConversationsEmptyState } from "@/features/messages/components/conversations-empty-state.tsx";

export function MessagesRoute() {
  return (
    <>
      <title>Messages · DM Desk</title>
      <PageHeader title="Messages" />
      <ConversationsEmptyState />
    </>
  );
}
