/**
 * The Conversations API (§4): conversation lists with cursor paging, a conversation's message ids
 * (newest first) and message details.
 */
import type { GraphCall, SandboxServices } from "./graph-context.ts";
import { graphErrors } from "./graph-errors.ts";
import { type FieldSpec, parseFields, pickFields } from "./graph-fields.ts";
import { graphTime } from "./graph-time.ts";
import { accessTokenOf, stringParam } from "./http-helpers.ts";
import { decodeCursor, encodeCursor } from "./ids.ts";
import type { Conversation, InstagramAccount, StoredMessage } from "./sandbox-state.ts";

/** Graph's default page size is 25; a team measured lists capped at 50 (§4 ⚠). */
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 50;

function pageSize(requested: unknown): number {
  const n = Number(requested);
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_LIMIT;
  return Math.min(Math.floor(n), MAX_LIMIT);
}

/** Slices `items` by `after`/`before` cursors and builds Graph's `paging` object. */
function paginate<T>(
  items: T[],
  limit: number,
  after?: number,
  before?: number,
  nextUrl?: (cursor: string) => string,
) {
  let start = after !== undefined ? after + 1 : 0;
  if (before !== undefined) start = Math.max(0, before - limit);
  const end = before !== undefined ? before : Math.min(items.length, start + limit);
  const page = items.slice(start, end);
  if (page.length === 0) return { data: [] as T[], paging: undefined };
  const cursors = { before: encodeCursor(start), after: encodeCursor(end - 1) };
  const hasMore = end < items.length;
  return {
    data: page,
    paging: {
      cursors,
      ...(hasMore && nextUrl ? { next: nextUrl(cursors.after) } : {}),
    },
  };
}

function nextLink(
  services: SandboxServices,
  call: GraphCall,
  path: string,
  limit: number,
  fields?: string,
) {
  return (cursor: string) => {
    const version = call.version ?? services.state.graphVersion;
    const next = new URL(`${services.baseUrl}/${call.host}/${version}/${path}`);
    for (const [key, value] of call.url.searchParams) {
      if (key !== "after" && key !== "before") next.searchParams.set(key, value);
    }
    // Graph's `next` links carry the access token, however the first call passed it.
    const token = accessTokenOf(call.request, call.params);
    if (token) next.searchParams.set("access_token", token);
    if (fields !== undefined) next.searchParams.set("fields", fields);
    if (fields === "") next.searchParams.delete("fields");
    next.searchParams.set("limit", String(limit));
    next.searchParams.set("after", cursor);
    return next.toString();
  };
}

function conversationsOf(services: SandboxServices, account: InstagramAccount): Conversation[] {
  return [...services.state.conversations.values()]
    .filter((c) => c.igAccountId === account.igAccountId)
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

/** `GET /me/conversations?platform=instagram[&user_id=<IGSID>]` or `/<PAGE_ID>/conversations`. */
export function listConversations(
  services: SandboxServices,
  call: GraphCall,
  account: InstagramAccount,
  nodePath: string,
) {
  const platform = stringParam(call.params, "platform");
  // A Page's conversations without platform=instagram are its Messenger threads: none here (§4).
  if (call.host === "graph.facebook.com" && platform !== "instagram") return { data: [] };
  const userId = stringParam(call.params, "user_id");
  let conversations = conversationsOf(services, account);
  if (userId) conversations = conversations.filter((c) => c.igsid === userId);
  const specs = parseFields(stringParam(call.params, "fields"));
  // §4: the list answers id and updated_time; the user_id lookup is documented answering id alone.
  const defaults = userId ? ["id"] : ["id", "updated_time"];
  const limit = pageSize(call.params.get("limit"));
  const page = paginate(
    conversations,
    limit,
    decodeCursor(stringParam(call.params, "after") ?? null),
    decodeCursor(stringParam(call.params, "before") ?? null),
    nextLink(services, call, `${nodePath}/conversations`, limit),
  );
  return {
    data: page.data.map((c) => conversationFields(services, c, specs, defaults)),
    ...(page.paging ? { paging: page.paging } : {}),
  };
}

export function conversationNode(
  services: SandboxServices,
  call: GraphCall,
  conversation: Conversation,
) {
  return conversationFields(
    services,
    conversation,
    parseFields(stringParam(call.params, "fields")),
    ["id", "updated_time"],
    call,
  );
}

/** `GET /<CONVERSATION_ID>/messages`: the same list as the `messages` field, paged. */
export function conversationMessagesEdge(
  services: SandboxServices,
  call: GraphCall,
  conversation: Conversation,
) {
  const spec: FieldSpec = {
    name: "messages",
    children: parseFields(stringParam(call.params, "fields")),
    limit: call.params.has("limit") ? Number(call.params.get("limit")) : undefined,
  };
  return messageList(services, conversation, spec, call);
}

function conversationFields(
  services: SandboxServices,
  conversation: Conversation,
  specs: FieldSpec[] | undefined,
  defaults: string[],
  call?: GraphCall,
) {
  const account = services.state.accounts.get(conversation.igAccountId)!;
  const lead = services.state.leads.get(conversation.leadId)!;
  return pickFields(
    {
      id: conversation.id,
      updated_time: graphTime(conversation.updatedAt),
      // §4: participants are `{username, id}` on Instagram.
      participants: {
        data: [
          { username: account.username, id: account.igAccountId },
          { username: lead.username, id: conversation.igsid },
        ],
      },
      messages: (spec: FieldSpec) => messageList(services, conversation, spec, call),
    },
    specs,
    defaults,
    "Conversation",
  );
}

/** Message ids newest first (§4), deleted ones left out, with Graph cursor paging. */
function messageList(
  services: SandboxServices,
  conversation: Conversation,
  spec: FieldSpec,
  call?: GraphCall,
) {
  const messages = conversation.mids
    .map((mid) => services.state.messages.get(mid)!)
    .filter((m) => !m.isDeleted)
    .sort((a, b) => b.createdAt - a.createdAt);
  const limit = pageSize(spec.limit);
  const after = call ? decodeCursor(stringParam(call.params, "after") ?? null) : undefined;
  const page = paginate(
    messages,
    limit,
    call?.segments[1] === "messages" ? after : undefined,
    undefined,
    call
      ? nextLink(services, call, `${conversation.id}/messages`, limit, fieldsText(spec.children))
      : undefined,
  );
  return {
    data: page.data.map((m) => messageFields(services, m, spec.children, ["id", "created_time"])),
    ...(page.paging ? { paging: page.paging } : {}),
  };
}

/** Writes field specs back as a `fields` value, for `paging.next` of the messages edge. */
function fieldsText(specs: FieldSpec[] | undefined): string {
  return (specs ?? []).map((s) => s.children ? `${s.name}{${fieldsText(s.children)}}` : s.name)
    .join(",");
}

export function messageNode(services: SandboxServices, call: GraphCall, message: StoredMessage) {
  if (message.isDeleted) throw graphErrors.unknownObject(call.method, message.mid);
  return messageFields(
    services,
    message,
    parseFields(stringParam(call.params, "fields")),
    ["id", "created_time"], // §4: default fields are id and created_time
  );
}

function messageFields(
  services: SandboxServices,
  message: StoredMessage,
  specs: FieldSpec[] | undefined,
  defaults: string[],
) {
  const { state } = services;
  const account = state.accounts.get(message.igAccountId)!;
  const conversation = state.conversations.get(message.conversationId)!;
  const lead = state.leads.get(conversation.leadId)!;
  const business = { username: account.username, id: account.igAccountId };
  const person = { username: lead.username, id: message.igsid };
  const [from, to] = message.direction === "inbound" ? [person, business] : [business, person];
  const media = (message.attachments ?? []).filter((a) =>
    ["image", "video", "audio", "file", "ig_reel", "reel"].includes(a.type)
  );
  const shares = (message.attachments ?? []).filter((a) =>
    ["share", "ig_post", "MEDIA_SHARE"].includes(a.type)
  );
  const mention = message.attachments?.find((a) => a.type === "story_mention");
  const storyReply = (message.replyTo as { story?: { url: string; id: string } } | undefined)
    ?.story;
  const values: Record<string, unknown> = {
    id: message.mid,
    created_time: graphTime(message.createdAt),
    from,
    to: { data: [to] },
    message: message.text ?? "",
    attachments: media.length ? { data: media.map(attachmentData) } : undefined,
    shares: shares.length ? { data: shares.map((s) => ({ link: s.payload?.url })) } : undefined,
    story: mention
      ? { mention: { link: mention.payload?.url, id: message.mid } }
      : storyReply
      ? { reply_to: { link: storyReply.url, id: storyReply.id } }
      : undefined,
    reply_to: message.replyTo && !storyReply ? message.replyTo : undefined,
    is_unsupported: message.isUnsupported ?? false,
    reactions: message.reactions.length
      ? {
        data: message.reactions.map((r) => ({
          reaction: r.emoji ?? r.reaction,
          users: [r.byIgsid ? person : business],
        })),
      }
      : undefined,
  };
  return pickFields(values, specs, defaults, "Message");
}

/** Messenger-style attachment data: image_data, video_data or file_url (§4 "Other message fields"). */
function attachmentData(attachment: { type: string; payload?: Record<string, unknown> }) {
  const url = attachment.payload?.url as string | undefined;
  switch (attachment.type) {
    case "image":
      return { image_data: { url, preview_url: url } };
    case "video":
    case "ig_reel":
    case "reel":
      return { video_data: { url, preview_url: url } };
    default:
      return { file_url: url };
  }
}
