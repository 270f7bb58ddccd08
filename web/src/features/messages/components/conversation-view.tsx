import type { InboxConversation } from "@dm-desk/shared/contracts/inbox-conversations";
import { ArrowLeft } from "lucide-react";
import { type ReactNode, useEffect, useState } from "react";
import { AlertDialog } from "@/components/ui/alert-dialog.tsx";
import { Avatar } from "@/components/ui/avatar.tsx";
import { useRetryMessage } from "@/features/messages/api/retry-message.ts";
import { useSendMessage } from "@/features/messages/api/send-message.ts";
import { useTriageConversation } from "@/features/messages/api/triage-conversation.ts";
import { AiAssistant } from "@/features/messages/components/ai-assistant.tsx";
import { Composer } from "@/features/messages/components/composer.tsx";
import { ConversationActions } from "@/features/messages/components/conversation-actions.tsx";
import { contactName } from "@/features/messages/components/conversation-row.tsx";
import { MessageThread } from "@/features/messages/components/message-thread.tsx";
import { ScheduleAction } from "@/features/messages/components/schedule-action.tsx";
import { ScheduledStrip } from "@/features/messages/components/scheduled-strip.tsx";
import { TemplateMenu } from "@/features/messages/components/template-menu.tsx";
import { WindowIndicator } from "@/features/messages/components/window-indicator.tsx";
import { useConversationDraft } from "@/features/messages/hooks/use-conversation-draft.ts";
import { useConversationKeyboard } from "@/features/messages/hooks/use-conversation-keyboard.ts";
import type { ThreadEntry } from "@/features/messages/utils/inbox-cache.ts";
import type {
  InboxAccount,
  InboxMember,
  InboxViewer,
} from "@/features/messages/utils/inbox-people.ts";
import { windowStatusAt } from "@/features/messages/utils/messaging-window.ts";
import { useDocumentVisible } from "@/hooks/use-document-visible.ts";
import { useNow } from "@/hooks/use-now.ts";

type ConversationViewProps = {
  imoId: string;
  conversation: InboxConversation;
  account: InboxAccount | undefined;
  members: InboxMember[];
  viewer: InboxViewer;
  canUseTemplates: boolean;
  /** the plan has scheduled messages */
  canSchedule: boolean;
  /** the route's "Create lead" action (the leads feature's dialog) */
  leadAction: ReactNode;
  /** on a phone: back to the list */
  onBack?: () => void;
  /** opened with Enter in the list: the reply box takes the focus (use-conversation-keyboard.ts) */
  focusOnOpen?: boolean;
  /** Escape in the reply box: back to the list */
  onLeave?: () => void;
};

/**
 * What waits to go out and the AI's panel, between the history and the reply box: they scroll
 * together under a cap, or opened on a phone (its keyboard up) they left the history one line.
 */
const BELOW_THREAD = "max-h-[40%] shrink-0 overflow-y-auto";

export function ConversationView(props: ConversationViewProps) {
  const { imoId, conversation, account, viewer } = props;
  const now = useNow(15_000);
  const { draft, setDraft, insert, textareaRef } = useConversationDraft(
    viewer.userId,
    conversation.id,
  );
  const [confirming, setConfirming] = useState<ThreadEntry | null>(null);
  const triage = useTriageConversation(imoId);
  const send = useSendMessage(imoId, viewer);
  const retry = useRetryMessage(imoId);
  const name = contactName(conversation.contact);
  const keyboard = useConversationKeyboard({
    focusOnOpen: props.focusOnOpen ?? false,
    onLeave: props.onLeave,
  });

  // Opening a conversation reads it: once per conversation, and only if something is unread. A
  // background tab left on a conversation reads nothing: its new DMs stay unread for the team
  // until someone looks.
  const hasUnread = conversation.unread_count > 0;
  const isVisible = useDocumentVisible();
  const { mutate: runTriage } = triage;
  useEffect(() => {
    if (hasUnread && isVisible) {
      runTriage({ action: "mark_read", conversation_id: conversation.id });
    }
  }, [conversation.id, hasUnread, isVisible, runTriage]);

  const hasHumanAgent = account?.human_agent_permission ?? false;
  const replyWindow = windowStatusAt(conversation.window, now, hasHumanAgent);
  const isDisconnected = account !== undefined && account.status !== "connected";
  const disabledReason = isDisconnected
    ? "This Instagram account is disconnected. Reconnect it in Settings › Channels to reply."
    : !replyWindow.canReply
    ? conversation.window.reply_until
      ? "The 24-hour reply window has closed. Instagram lets you reply again once they send a new message."
      : "Instagram lets you reply only after they have written to you."
    : undefined;

  const sendText = (text: string) => {
    send.mutate({ conversation_id: conversation.id, client_message_id: crypto.randomUUID(), text });
    setDraft("");
  };
  const retryMessage = (message: ThreadEntry, confirmed = false) => {
    if (message.is_local && message.client_message_id) {
      // never stored (or unknown): the same key again, so the server sends it at most once
      send.mutate({
        conversation_id: conversation.id,
        client_message_id: message.client_message_id,
        text: message.text ?? "",
      });
      return;
    }
    if (message.error?.may_have_been_sent && !confirmed) {
      setConfirming(message);
      return;
    }
    retry.mutate({
      message_id: message.id,
      conversation_id: conversation.id,
      confirm_may_have_been_sent: confirmed,
    });
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
          {conversation.contact.display_name && conversation.contact.username && (
            <p className="truncate text-[10px] text-zinc-500">
              {conversation.contact.display_name}
            </p>
          )}
        </div>
        <WindowIndicator window={conversation.window} now={now} hasHumanAgent={hasHumanAgent} />
      </header>
      <ConversationActions
        imoId={imoId}
        conversation={conversation}
        members={props.members}
        viewerId={viewer.userId}
        onTriage={triage.mutate}
      >
        {props.leadAction}
        {props.canUseTemplates && (
          <TemplateMenu
            imoId={imoId}
            conversationId={conversation.id}
            isDisabled={Boolean(disabledReason)}
            onInsert={insert}
            composerRef={textareaRef}
          />
        )}
        {props.canSchedule && (
          <ScheduleAction
            imoId={imoId}
            conversationId={conversation.id}
            contactName={name}
            replyUntil={conversation.window.reply_until}
            canUseTemplates={props.canUseTemplates}
            disabledReason={isDisconnected
              ? "This Instagram account is disconnected. Reconnect it in Settings › Channels."
              : undefined}
          />
        )}
      </ConversationActions>
      <MessageThread
        imoId={imoId}
        conversationId={conversation.id}
        viewerId={viewer.userId}
        onRetry={(message) => retryMessage(message)}
      />
      <div className={BELOW_THREAD}>
        {props.canSchedule && (
          <ScheduledStrip
            imoId={imoId}
            conversationId={conversation.id}
            contactName={name}
            replyUntil={conversation.window.reply_until}
            canUseTemplates={props.canUseTemplates}
            members={props.members}
            viewerId={viewer.userId}
            canManageAll={viewer.canManageAll ?? false}
            now={now}
          />
        )}
        <AiAssistant
          imoId={imoId}
          conversationId={conversation.id}
          disabledReason={disabledReason}
          onInsert={insert}
        />
      </div>
      <Composer
        text={draft}
        onTextChange={setDraft}
        onSend={sendText}
        disabledReason={disabledReason}
        textareaRef={textareaRef}
      />
      <AlertDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title="Send this message again?"
        confirmLabel="Send again"
        pendingLabel="Sending…"
        isPending={false}
        onConfirm={() => {
          if (confirming) retryMessage(confirming, true);
          setConfirming(null);
        }}
      >
        <p>
          Instagram may have delivered it even though it reported an error. Check the conversation
          in the Instagram app first, so they don't get it twice.
        </p>
      </AlertDialog>
    </section>
  );
}
