import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  type Publication,
  publicationListQuerySchema,
  publicationListResponseSchema,
} from "@dm-desk/shared/contracts/publishing";
import { publishingKeys } from "@/features/publishing/api/keys.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

/** The IMO's posts: drafts, scheduled, published and failed, newest first. */
export async function getPublications(imoId: string): Promise<Publication[]> {
  const { imo_id } = parseInput(publicationListQuerySchema, { imo_id: imoId });
  const { publications } = await invokeFunction(
    withQuery("publishing/posts", { imo_id }),
    publicationListResponseSchema,
    { method: "GET" },
  );
  return publications;
}

export function publicationsQueryOptions(imoId: string) {
  return queryOptions({
    queryKey: publishingKeys.list(imoId),
    queryFn: () => getPublications(imoId),
    enabled: Boolean(imoId),
    // a scheduled post goes out on the server's clock: look again now and then
    refetchInterval: 30_000,
  });
}

export function usePublications(imoId: string) {
  return useQuery(publicationsQueryOptions(imoId));
}
