import type { InboxConversation } from "@dm-desk/shared/contracts/inbox-conversations";
import { ArrowLeft, ExternalLink } from "lucide-react";
import { type ReactNode, useEffect } from "react";
import { Avatar } from "@/components/ui/avatar.tsx";
import { BlueskyIcon } from "@/components/ui/brand-icons.tsx";
import { COMPACT_BUTTON } from "@/components/ui/compact-menu.tsx";
import { useSendBlueskyMessage } from "@/features/messages/api/send-bluesky-message.ts";
import { useTriageConversation } from "@/features/messages/api/triage-conversation.ts";
import { BlueskyComposer } from "@/features/messages/components/bluesky-composer.tsx";
import { ConversationActions } from "@/features/messages/components/conversation-actions.tsx";
import { contactName } from "@/features/messages/components/conversation-row.tsx";
import { MessageThread } from "@/features/messages/components/message-thread.tsx";
import { useConversationDraft } from "@/features/messages/hooks/use-conversation-draft.ts";
import { useConversationKeyboard } from "@/features/messages/hooks/use-conversation-keyboard.ts";
import type { ThreadEntry } from "@/features/messages/utils/inbox-cache.ts";
import type {
  InboxAccount,
  InboxMember,
  InboxViewer,
} from "@/features/messages/utils/inbox-people.ts";
import { useDocumentVisible } from "@/hooks/use-document-visible.ts";

type BlueskyConversationViewProps = {
  imoId: string;
  conversation: InboxConversation;
  account: InboxAccount | undefined;
  members: InboxMember[];
  viewer: InboxViewer;
  leadAction: ReactNode;
  onBack?: () => void;
  /** opened with Enter in the list: the reply box takes the focus (use-conversation-keyboard.ts) */
  focusOnOpen?: boolean;
  /** Escape in the reply box: back to the list */
  onLeave?: () => void;
};

/**
 * A Bluesky conversation: a person's public mentions and replies, or their DMs. The same triage
 * as Instagram (priority, assignment, archive, lead); no reply window, because Bluesky has none.
 * A failed reply is tried again with the same key, so it is posted at most once.
 */
export function BlueskyConversationView(props: BlueskyConversationViewProps) {
  const { imoId, conversation, account, viewer } = props;
  const { draft, setDraft } = useConversationDraft(viewer.userId, conversation.id);
  const triage = useTriageConversation(imoId);
  const send = useSendBlueskyMessage(imoId, viewer);
  const name = contactName(conversation.contact);
  const keyboard = useConversationKeyboard({
    focusOnOpen: props.focusOnOpen ?? false,
    onLeave: props.onLeave,
  });
  const kind = conversation.kind ?? "direct";

  // read only while on screen, as in an Instagram conversation
  const hasUnread = conversation.unread_count > 0;
  const isVisible = useDocumentVisible();
  const { mutate: runTriage } = triage;
  useEffect(() => {
    if (hasUnread && isVisible) {
      runTriage({ action: "mark_read", conversation_id: conversation.id });
    }
  }, [conversation.id, hasUnread, isVisible, runTriage]);

  const disabledReason = account !== undefined && account.status !== "connected"
    ? "This Bluesky account needs to be connected again (Settings › Channels) to reply."
    : undefined;
  const sendText = (text: string, clientMessageId: string) =>
    send.mutate({ conversation_id: conversation.id, client_message_id: clientMessageId, text });
  const sendDraft = (text: string) => {
    sendText(text, crypto.randomUUID());
    setDraft("");
  };
  // what is being written stays: a retry sends the failed reply's own text
  const retry = (message: ThreadEntry) => {
    if (message.client_message_id) sendText(message.text ?? "", message.client_message_id);
  };

  return (
    <section
      ref={keyboard.sectionRef}
      aria-label={`Conversation with ${name}`}
      tabIndex={-1}
      onKeyDown={keyboard.onKeyDown}
      className="flex h-full min-h-0 flex-col bg-white outline-none dark:bg-zinc-950"
    >
      <header className="flex items-center gap-2 border-b border-zinc-200 px-2 py-1.5 dark:border-zinc-800">
        {props.onBack && (
          <button
            type="button"
            onClick={props.onBack}
            aria-label="Back to conversations"
            className="inline-flex size-7 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            <ArrowLeft className="size-4" aria-hidden="true" />
          </button>
        )}
        <Avatar
          name={name}
          src={conversation.contact.profile_picture_url}
          className="size-7 text-[11px]"
        />
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-xs font-semibold text-zinc-900 dark:text-zinc-50">{name}</h2>
          <p className="flex items-center gap-1 truncate text-[10px] text-zinc-500">
            <BlueskyIcon className="size-3 text-sky-500" />
            {kind === "public" ? "Mentions and replies on Bluesky" : "Direct messages on Bluesky"}
          </p>
        </div>
        {conversation.contact.username && (
          <a
            href={`https://bsky.app/profile/${conversation.contact.username}`}
            target="_blank"
            rel="noreferrer"
            className={COMPACT_BUTTON}
          >
            <ExternalLink className="size-3" aria-hidden="true" />
            Profile
          </a>
        )}
      </header>
      <ConversationActions
        imoId={imoId}
        conversation={conversation}
        members={props.members}
        viewerId={viewer.userId}
        onTriage={triage.mutate}
      >
        {props.leadAction}
      </ConversationActions>
      <MessageThread
        imoId={imoId}
        conversationId={conversation.id}
        viewerId={viewer.userId}
        onRetry={retry}
      />
      <BlueskyComposer
        kind={kind}
        text={draft}
        onTextChange={setDraft}
        onSend={sendDraft}
        disabledReason={disabledReason}
      />
    </section>
  );
}
