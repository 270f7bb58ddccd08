import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { scheduledMessageResponseSchema } from "@dm-desk/shared/contracts/scheduled-messages";
import type { ScheduledMessage } from "@dm-desk/shared/schemas/scheduled-message";
import { inboxKeys } from "@/features/messages/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction } from "@/lib/functions.ts";

/** A pending message dropped before it goes out (409 once it is on its way or done). */
export async function cancelScheduledMessage(id: string): Promise<ScheduledMessage> {
  const { scheduled_message } = await invokeFunction(
    `scheduled-messages/${id}/cancel`,
    scheduledMessageResponseSchema,
    { method: "POST", body: {} },
  );
  return scheduled_message;
}

/**
 * Refetched whether it worked or not: a refusal (already sent, say) means the list was behind.
 */
export function useCancelScheduledMessage(imoId: string, conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation<ScheduledMessage, AppError, string>({
    mutationFn: cancelScheduledMessage,
    onSuccess: () => toast.success("Scheduled message cancelled"),
    onError: (error) => toast.error(`Couldn't cancel it: ${error.message}`),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: inboxKeys.scheduled(imoId, conversationId) }),
  });
}
