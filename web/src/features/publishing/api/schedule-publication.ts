import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type PublicationResponse,
  publicationResponseSchema,
  schedulePublicationSchema,
} from "@dm-desk/shared/contracts/publishing";
import { publishingKeys } from "@/features/publishing/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export interface SchedulePublicationInput {
  id: string;
  scheduledAt: string;
}

/** The post goes out at this time, from the server's every-minute run. */
export async function schedulePublication(
  { id, scheduledAt }: SchedulePublicationInput,
): Promise<PublicationResponse> {
  const body = parseInput(schedulePublicationSchema, { scheduled_at: scheduledAt });
  return await invokeFunction(
    `publishing/posts/${encodeURIComponent(id)}/schedule`,
    publicationResponseSchema,
    { method: "POST", body },
  );
}

export function useSchedulePublication(imoId: string) {
  const queryClient = useQueryClient();
  return useMutation<PublicationResponse, AppError, SchedulePublicationInput>({
    mutationFn: schedulePublication,
    onSettled: () => queryClient.invalidateQueries({ queryKey: publishingKeys.list(imoId) }),
  });
}
