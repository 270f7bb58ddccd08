import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  scheduledMessageResponseSchema,
  type UpdateScheduledMessage,
  updateScheduledMessageSchema,
} from "@dm-desk/shared/contracts/scheduled-messages";
import type { ScheduledMessage } from "@dm-desk/shared/schemas/scheduled-message";
import { inboxKeys } from "@/features/messages/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type UpdateScheduledMessageInput = { id: string; changes: UpdateScheduledMessage };

/** A pending message rescheduled: a new time or "when they next write", its option, its text. */
export async function updateScheduledMessage(
  { id, changes }: UpdateScheduledMessageInput,
): Promise<ScheduledMessage> {
  const body = parseInput(updateScheduledMessageSchema, changes);
  const { scheduled_message } = await invokeFunction(
    `scheduled-messages/${id}`,
    scheduledMessageResponseSchema,
    { method: "PATCH", body },
  );
  return scheduled_message;
}

/** The dialog shows a refusal itself, so there is no toast here. */
export function useUpdateScheduledMessage(
  imoId: string,
  options: { onSuccess?: (scheduled: ScheduledMessage) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation<ScheduledMessage, AppError, UpdateScheduledMessageInput>({
    mutationFn: updateScheduledMessage,
    onSuccess: async (scheduled) => {
      await queryClient.invalidateQueries({
        queryKey: inboxKeys.scheduled(imoId, scheduled.conversation_id),
      });
      options.onSuccess?.(scheduled);
    },
  });
}
