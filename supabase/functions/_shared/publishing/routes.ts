import {
  createPublicationSchema,
  type DeletedPublication,
  type Publication,
  publicationListQuerySchema,
  type PublicationListResponse,
  type PublicationResponse,
  schedulePublicationSchema,
  updatePublicationSchema,
} from "../../../../shared/src/contracts/publishing.ts";
import {
  type PublicationContent,
  publicationProblems,
} from "../../../../shared/src/rules/publishing.ts";
import { type Claims, signedIn } from "../auth.ts";
import { requireImoRole } from "../connect/access.ts";
import { type Tx, withUser } from "../db.ts";
import { HttpError, json } from "../http.ts";
import { router, UUID } from "../router.ts";
import { parseBody, parseQuery } from "../validate.ts";
import { readPublishingQuota } from "./instagram-publish-post.ts";
import { claimPublication, type PublishOptions, runPublication } from "./publish.ts";
import { requirePublication, requireUnpublished, selectPublications } from "./publication-rows.ts";

const WRITERS = ["owner", "admin"] as const;
/** A post speaks for the whole IMO in public: owners and admins on a plan with messaging. */
const PUBLISHING = { feature: "instagram_messaging" };
/** Posting at a time is a schedule, like scheduled messages. */
const SCHEDULING = { feature: "instagram_scheduled_messages" };

const post = `/publishing/posts/:id${UUID}`;

/**
 * publishing: the Publishing page (contracts in shared/src/contracts/publishing.ts). Every member
 * lists the IMO's posts; owners and admins draft, edit, delete, publish now and schedule. Each
 * route acts as the caller through RLS; publishing itself runs as the service (it reads tokens).
 */
export function createPublishingHandler(options: PublishOptions = {}) {
  return router([
    { method: "GET", path: "/publishing/posts", handle: signedIn(listRoute) },
    { method: "POST", path: "/publishing/posts", handle: signedIn(createRoute) },
    { method: "PATCH", path: post, handle: signedIn(updateRoute) },
    { method: "POST", path: `${post}/delete`, handle: signedIn(deleteRoute) },
    {
      method: "POST",
      path: `${post}/publish`,
      handle: signedIn((request, params, claims) => publishRoute(request, params, claims, options)),
    },
    { method: "POST", path: `${post}/schedule`, handle: signedIn(scheduleRoute) },
    { method: "POST", path: `${post}/unschedule`, handle: signedIn(unscheduleRoute) },
    {
      method: "GET",
      path: `/publishing/accounts/:accountId${UUID}/quota`,
      handle: signedIn(quotaRoute),
    },
  ]);
}

async function listRoute(request: Request, _params: unknown, claims: Claims) {
  const query = parseQuery(request, publicationListQuerySchema);
  const body = await withUser(claims, async (tx): Promise<PublicationListResponse> => {
    await requireImoRole(tx, query.imo_id, ["owner", "admin", "recruiter"]);
    return {
      publications: await selectPublications(
        tx,
        tx`p.imo_id = ${query.imo_id} ${query.status ? tx`and p.status = ${query.status}` : tx``}`,
      ),
    };
  });
  return json(body);
}

async function createRoute(request: Request, _params: unknown, claims: Claims) {
  const input = await parseBody(request, createPublicationSchema);
  const body = await withUser(claims, async (tx): Promise<PublicationResponse> => {
    const [account] = await tx<{ imo_id: string; platform: string }[]>`
      select imo_id, platform::text as platform from public.channel_accounts
      where id = ${input.channel_account_id}`;
    if (!account) throw new HttpError(404, "account_not_found", "No such channel account");
    await requireImoRole(tx, account.imo_id, [...WRITERS], PUBLISHING);
    if (account.platform !== "instagram" && account.platform !== "bluesky") {
      throw new HttpError(422, "platform_not_supported", "Posts go to Instagram and Bluesky only");
    }
    const [row] = await tx<{ id: string }[]>`
      insert into public.publications (imo_id, channel_account_id, caption, media)
      values (${account.imo_id}, ${input.channel_account_id}, ${input.caption},
        ${tx.json(input.media)})
      returning id`;
    return { publication: await requirePublication(tx, row!.id) };
  });
  return json(body, 201);
}

async function updateRoute(request: Request, params: Record<string, string>, claims: Claims) {
  const input = await parseBody(request, updatePublicationSchema);
  const body = await withUser(claims, async (tx): Promise<PublicationResponse> => {
    const publication = await requireWritable(tx, params.id!);
    const content = {
      caption: input.caption ?? publication.caption,
      media: input.media ?? publication.media,
    } as PublicationContent;
    // a scheduled post goes out as it is: it must stay publishable
    if (publication.status === "scheduled") requirePublishable(publication, content);
    await tx`update public.publications
      set caption = ${content.caption}, media = ${
      tx.json(content.media.map(({ url, alt_text }) => ({ url, alt_text })))
    },
        status = ${publication.status === "failed" ? "draft" : publication.status}
      where id = ${publication.id}`;
    return { publication: await requirePublication(tx, publication.id) };
  });
  return json(body);
}

async function deleteRoute(_request: Request, params: Record<string, string>, claims: Claims) {
  const body = await withUser(claims, async (tx): Promise<DeletedPublication> => {
    const publication = await requireWritable(tx, params.id!);
    await tx`delete from public.publications where id = ${publication.id}`;
    return { deleted: true };
  });
  return json(body);
}

async function scheduleRoute(request: Request, params: Record<string, string>, claims: Claims) {
  const input = await parseBody(request, schedulePublicationSchema);
  const body = await withUser(claims, async (tx): Promise<PublicationResponse> => {
    const publication = await requireWritable(tx, params.id!, SCHEDULING);
    requirePublishable(publication, publication);
    if (new Date(input.scheduled_at).getTime() <= Date.now()) {
      throw new HttpError(422, "validation_failed", "Pick a time in the future", [
        { path: "scheduled_at", message: "This time has passed" },
      ]);
    }
    await tx`update public.publications
      set status = 'scheduled', scheduled_at = ${input.scheduled_at}
      where id = ${publication.id}`;
    return { publication: await requirePublication(tx, publication.id) };
  });
  return json(body);
}

async function unscheduleRoute(_request: Request, params: Record<string, string>, claims: Claims) {
  const body = await withUser(claims, async (tx): Promise<PublicationResponse> => {
    const publication = await requireWritable(tx, params.id!);
    await tx`update public.publications set status = 'draft', scheduled_at = null
      where id = ${publication.id}`;
    return { publication: await requirePublication(tx, publication.id) };
  });
  return json(body);
}

/**
 * "Publish now": checked as the caller (role, plan, the platform's limits), then taken by this
 * run and sent. A post that does not go out answers with why (422, or 409/502 by the reason) and
 * is kept as a failed draft with that reason.
 */
async function publishRoute(
  _request: Request,
  params: Record<string, string>,
  claims: Claims,
  options: PublishOptions,
) {
  await withUser(claims, async (tx) => {
    const publication = await requireWritable(tx, params.id!);
    requirePublishable(publication, publication);
  });
  const claimed = await claimPublication(params.id!);
  if (!claimed) throw new HttpError(409, "publishing", "This post is going out already");
  const outcome = await runPublication(claimed, options);
  const publication = await withUser(claims, (tx) => requirePublication(tx, params.id!));
  if (outcome === "failed") {
    const status = publication.error_code === "account_not_connected"
      ? 409
      : publication.error_code === "meta_unavailable" || publication.error_code === "unexpected"
      ? 502
      : 422;
    throw new HttpError(
      status,
      publication.error_code ?? "publish_failed",
      publication.error_message ?? "The post did not go out",
      { publication },
    );
  }
  const body: PublicationResponse = { publication };
  return json(body);
}

async function quotaRoute(_request: Request, params: Record<string, string>, claims: Claims) {
  await withUser(claims, async (tx) => {
    const [account] = await tx<{ imo_id: string; platform: string }[]>`
      select imo_id, platform::text as platform from public.channel_accounts
      where id = ${params.accountId!}`;
    if (!account || account.platform !== "instagram") {
      throw new HttpError(404, "account_not_found", "No such Instagram account");
    }
    await requireImoRole(tx, account.imo_id, ["owner", "admin", "recruiter"], PUBLISHING);
  });
  try {
    return json(await readPublishingQuota(params.accountId!));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(502, "meta_unavailable", "Instagram did not say how many posts are left");
  }
}

/** A publication the caller may change: an owner or admin's, not out and not going out. */
async function requireWritable(tx: Tx, id: string, feature = PUBLISHING) {
  const publication = await requirePublication(tx, id);
  await requireImoRole(tx, publication.imo_id, [...WRITERS], feature);
  requireUnpublished(publication);
  return publication;
}

/** The platform's limits (shared/src/rules/publishing.ts): 422 naming each problem. */
function requirePublishable(publication: Publication, content: PublicationContent) {
  const problems = publicationProblems(publication.platform, content);
  if (problems.length) {
    throw new HttpError(422, "validation_failed", problems[0]!.message, problems);
  }
}
