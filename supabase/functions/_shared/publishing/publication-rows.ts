import type { Publication } from "../../../../shared/src/contracts/publishing.ts";
import type { Tx } from "../db.ts";
import { HttpError } from "../http.ts";

/**
 * Publications as the Publishing page shows them: with the account's platform, username and
 * picture. Read through the caller's transaction, so RLS decides what they see.
 */
export async function selectPublications(
  tx: Tx,
  where: ReturnType<Tx>,
  limit = 200,
): Promise<Publication[]> {
  return await tx<Publication[]>`
    select p.id, p.imo_id, p.channel_account_id, a.platform::text as platform,
      a.username as account_username, a.profile_picture_url as account_picture_url,
      p.status::text as status, p.caption, p.media, p.scheduled_at, p.error_code, p.error_message,
      p.permalink, p.external_id, p.published_at, p.post_id, p.created_by, p.created_at,
      p.updated_at
    from public.publications p
    join public.channel_accounts a on a.id = p.channel_account_id
    where ${where}
    order by p.created_at desc, p.id desc
    limit ${limit}`;
}

/** One publication the caller can see, or 404. */
export async function requirePublication(tx: Tx, id: string): Promise<Publication> {
  const [publication] = await selectPublications(tx, tx`p.id = ${id}`, 1);
  if (!publication) throw new HttpError(404, "publication_not_found", "No such post");
  return publication;
}

/** What a person may still change: anything that has not started going out. */
export function requireUnpublished(publication: Publication) {
  if (publication.status === "published") {
    throw new HttpError(409, "already_published", "This post has been published already");
  }
  if (publication.status === "publishing") {
    throw new HttpError(409, "publishing", "This post is going out right now");
  }
}
