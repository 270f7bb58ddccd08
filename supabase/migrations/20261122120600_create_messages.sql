-- Messages: every message of a conversation, inbound and outbound, from any author, deduplicated by
-- the platform's message id per account. A trigger keeps the conversation's list fields and
-- messaging window right.

create type public.message_direction as enum ('inbound', 'outbound');
-- native_app: typed in the Instagram app by a person, seen only as an echo; counts as a human reply
create type public.message_author_kind as enum ('contact', 'user', 'ai', 'automation', 'native_app');
create type public.message_type as enum (
  'text', 'media', 'story_reply', 'story_mention', 'share', 'ig_post', 'reel', 'postback', 'unsupported'
);
create type public.message_status as enum ('draft', 'pending', 'sent', 'delivered', 'read', 'failed');

alter table public.conversations
  add constraint conversations_id_imo_id_account_key unique (id, imo_id, channel_account_id);

create table public.messages (
  id uuid primary key default gen_random_uuid(),
  imo_id uuid not null,
  channel_account_id uuid not null,
  conversation_id uuid not null,
  -- Meta's mid; null until a send is accepted
  external_id text,
  -- the SPA's idempotency key for a send, so a retried request cannot send twice
  client_message_id uuid,
  direction public.message_direction not null,
  author_kind public.message_author_kind not null,
  author_user_id uuid references auth.users (id) on delete set null,
  type public.message_type not null default 'text',
  text text,
  -- [{type, url, ...payload}] as Meta sends them (image, video, audio, file, share, ig_post, reel, story_mention)
  attachments jsonb not null default '[]'::jsonb check (jsonb_typeof(attachments) = 'array'),
  -- [{by: 'contact'|'user', reaction, emoji, at}]
  reactions jsonb not null default '[]'::jsonb check (jsonb_typeof(reactions) = 'array'),
  reply_to_message_id uuid,
  reply_to_external_id text,
  reply_to_story jsonb,
  quick_reply_payload text,
  postback_payload text,
  status public.message_status not null,
  error_code text,
  error_message text,
  -- when the message was sent (Meta's timestamp for webhooks, our clock for sends)
  sent_at timestamptz not null default now(),
  delivered_at timestamptz,
  read_at timestamptz,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (conversation_id, imo_id, channel_account_id)
    references public.conversations (id, imo_id, channel_account_id) on delete cascade,
  -- a reply points at a message of the same conversation
  foreign key (reply_to_message_id, conversation_id) references public.messages (id, conversation_id)
    on delete set null (reply_to_message_id),
  unique (id, conversation_id),
  unique (channel_account_id, external_id),
  unique (conversation_id, client_message_id),
  check (direction = 'inbound' or author_kind <> 'contact'),
  check (direction = 'outbound' or author_kind = 'contact'),
  check (author_kind <> 'user' or author_user_id is not null)
);
-- the thread: newest first with the id as keyset tie-break
create index messages_conversation_thread_idx on public.messages (conversation_id, sent_at desc, id desc);
create index messages_author_user_id_idx on public.messages (author_user_id);
create index messages_reply_to_message_id_idx on public.messages (reply_to_message_id);
create index messages_imo_id_idx on public.messages (imo_id);
create index messages_pending_idx on public.messages (status, created_at) where status = 'pending';
comment on table public.messages is
  'Messages of every conversation; external_id (Meta mid) is unique per channel account.';

create trigger messages_touch_updated_at before update on public.messages
  for each row execute function private.touch_updated_at();

/*
 * The one-line summary the inbox list shows for a message. plpgsql, not sql: a sql function with
 * a fixed search_path cannot be inlined and is planned again on every call of the trigger.
 */
create function private.message_preview(
  type public.message_type, text text, attachments jsonb
) returns text
language plpgsql immutable set search_path = '' as $$
declare
  summary text;
begin
  summary := case type
    when 'text' then text
    when 'story_reply' then coalesce('Replied to your story: ' || nullif(text, ''), 'Replied to your story')
    when 'story_mention' then 'Mentioned you in their story'
    when 'share' then 'Shared a post'
    when 'ig_post' then 'Shared a post'
    when 'reel' then 'Shared a reel'
    when 'postback' then coalesce(text, 'Tapped a button')
    when 'unsupported' then 'Sent a message Instagram cannot show here'
    when 'media' then coalesce(nullif(text, ''), case attachments -> 0 ->> 'type'
      when 'image' then 'Sent a photo'
      when 'video' then 'Sent a video'
      when 'audio' then 'Sent a voice message'
      when 'file' then 'Sent a file'
      else 'Sent an attachment' end)
  end;
  return left(regexp_replace(coalesce(summary, ''), '\s+', ' ', 'g'), 140);
end
$$;

/*
 * After a message is stored, its conversation moves: last message time and preview (only when the
 * message is the newest, so late deliveries do not rewind the list), unread count for messages
 * from the contact, and for inbound messages the last inbound time, the 24 h reply window and the
 * 7-day human-agent horizon. Drafts do not move anything. Security definer: users may insert
 * their own outbound messages but may not write these columns.
 */
create function private.apply_message_to_conversation() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  is_inbound boolean := new.direction = 'inbound';
begin
  if new.status = 'draft' then
    return new;
  end if;
  update public.conversations c set
    last_message_preview = case when c.last_message_at is null or new.sent_at >= c.last_message_at
      then private.message_preview(new.type, new.text, new.attachments) else c.last_message_preview end,
    last_message_direction = case when c.last_message_at is null or new.sent_at >= c.last_message_at
      then new.direction::text else c.last_message_direction end,
    last_message_at = greatest(c.last_message_at, new.sent_at),
    unread_count = c.unread_count + case when is_inbound then 1 else 0 end,
    last_inbound_at = case when is_inbound then greatest(c.last_inbound_at, new.sent_at) else c.last_inbound_at end,
    can_reply_until = case when is_inbound
      then greatest(c.can_reply_until, new.sent_at + interval '24 hours') else c.can_reply_until end,
    human_agent_until = case when is_inbound
      then greatest(c.human_agent_until, new.sent_at + interval '7 days') else c.human_agent_until end,
    only_story_mentions = case when new.type = 'story_mention'
      then c.last_message_at is null or c.only_story_mentions else false end
  where c.id = new.conversation_id;
  return new;
end
$$;
revoke execute on function private.apply_message_to_conversation() from public;

create trigger messages_apply_to_conversation after insert on public.messages
  for each row execute function private.apply_message_to_conversation();

alter table public.messages enable row level security;

revoke all on table public.messages from anon, authenticated;
grant select, insert on table public.messages to authenticated;
grant all on table public.messages to service_role;

create policy "Messages can be read by members of the IMO" on public.messages
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
-- A member may queue a reply in their own name, dated no later than now (a future date would
-- pin the thread to the top of everyone's inbox), on a plan with messaging; sending, status
-- and echoes are the functions'.
create policy "Replies can be queued by members as themselves" on public.messages
  for insert to authenticated with check (
    imo_id in (select private.imos_for_current_user())
    and (select private.has_feature(imo_id, 'instagram_messaging'))
    and direction = 'outbound' and author_kind = 'user'
    and author_user_id = (select auth.uid())
    and status in ('draft', 'pending') and external_id is null
    and sent_at <= now()
  );
