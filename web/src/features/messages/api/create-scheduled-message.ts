import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type CreateScheduledMessage,
  createScheduledMessageSchema,
  scheduledMessageResponseSchema,
} from "@dm-desk/shared/contracts/scheduled-messages";
import type { ScheduledMessage } from "@dm-desk/shared/schemas/scheduled-message";
import { inboxKeys } from "@/features/messages/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type CreateScheduledMessageInput = CreateScheduledMessage;

/** A message for a time inside the window, or for the contact's next message. */
export async function createScheduledMessage(
  input: CreateScheduledMessageInput,
): Promise<ScheduledMessage> {
  const body = parseInput(createScheduledMessageSchema, input);
  const { scheduled_message } = await invokeFunction(
    "scheduled-messages",
    scheduledMessageResponseSchema,
    { method: "POST", body },
  );
  return scheduled_message;
}

/** The dialog shows a refusal itself, so there is no toast here. */
export function useCreateScheduledMessage(
  imoId: string,
  options: { onSuccess?: (scheduled: ScheduledMessage) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation<ScheduledMessage, AppError, CreateScheduledMessageInput>({
    mutationFn: createScheduledMessage,
    onSuccess: async (scheduled) => {
      await queryClient.invalidateQueries({
        queryKey: inboxKeys.scheduled(imoId, scheduled.conversation_id),
      });
      options.onSuccess?.(scheduled);
    },
  });
}
