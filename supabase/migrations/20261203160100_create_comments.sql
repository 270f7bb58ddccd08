-- Comments: every comment on a post, from a contact (the commenter, one contact per account and
-- IGSID as for DMs), from us (a member's public reply, sent by a function) or typed in the Instagram
-- app by the account itself (`native_app`). Deduplicated by Meta's comment id per account; edits
-- keep every earlier version; a deletion keeps the row with `deleted_at`; hiding is `hidden_at`.
-- A reply points at the top-level comment of its thread (Meta threads one level deep,
-- docs/meta-platform.md §9 "Replies"). A trigger keeps the post's clock, preview and counters.
-- Creates: comments, private.apply_comment_to_post().

create type public.comment_author_kind as enum ('contact', 'user', 'automation', 'native_app');
create type public.comment_status as enum ('pending', 'sent', 'failed');

alter table public.contacts add constraint contacts_id_imo_id_channel_account_id_key
  unique (id, imo_id, channel_account_id);

create table public.comments (
  id uuid primary key default gen_random_uuid(),
  imo_id uuid not null,
  channel_account_id uuid not null,
  post_id uuid not null,
  -- Meta's comment id; null until Meta has taken our reply
  external_id text,
  -- the SPA's idempotency key for a public reply
  client_comment_id uuid,
  -- the thread's top-level comment; null for a top-level comment
  parent_id uuid,
  -- Meta's parent_id as delivered, kept when the parent is not stored (yet)
  parent_external_id text,
  author_kind public.comment_author_kind not null,
  contact_id uuid,
  author_user_id uuid references auth.users (id) on delete set null,
  -- the commenter's username as Meta gave it with the comment
  author_username text,
  text text not null default '',
  -- [{text, at}] oldest first, the text as first written included; empty when never edited
  edits jsonb not null default '[]'::jsonb check (jsonb_typeof(edits) = 'array'),
  status public.comment_status not null default 'sent',
  error_code text,
  error_message text,
  commented_at timestamptz not null default now(),
  -- the time of the latest webhook event applied, so a late event never rewinds the text
  last_event_at timestamptz,
  edited_at timestamptz,
  hidden_at timestamptz,
  hidden_by uuid references auth.users (id) on delete set null,
  deleted_at timestamptz,
  deleted_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (post_id, imo_id, channel_account_id)
    references public.posts (id, imo_id, channel_account_id) on delete cascade,
  foreign key (contact_id, imo_id, channel_account_id)
    references public.contacts (id, imo_id, channel_account_id) on delete cascade,
  -- a reply points at a comment of the same post
  foreign key (parent_id, post_id) references public.comments (id, post_id) on delete cascade,
  unique (id, post_id),
  unique (id, imo_id),
  unique (id, channel_account_id),
  unique (channel_account_id, external_id),
  unique (post_id, client_comment_id),
  check ((author_kind = 'contact') = (contact_id is not null)),
  check (author_kind <> 'user' or author_user_id is not null),
  check (author_kind in ('user', 'automation') or status = 'sent')
);
-- a post's comments: oldest first within a thread, threads newest first
create index comments_post_thread_idx on public.comments (post_id, parent_id, commented_at, id);
create index comments_contact_id_idx on public.comments (contact_id);
create index comments_imo_id_idx on public.comments (imo_id);
create index comments_author_user_id_idx on public.comments (author_user_id);
create index comments_hidden_by_idx on public.comments (hidden_by);
create index comments_deleted_by_idx on public.comments (deleted_by);
create index comments_unresolved_parent_idx on public.comments (channel_account_id, parent_external_id)
  where parent_id is null and parent_external_id is not null;
comment on table public.comments is
  'Comments on posts; external_id (Meta comment id) is unique per channel account.';

create trigger comments_touch_updated_at before update on public.comments
  for each row execute function private.touch_updated_at();

/*
 * private.apply_comment_to_post(): AFTER INSERT on comments. The post moves like a conversation:
 * last comment time and preview (only for the newest, so late deliveries do not rewind the list),
 * the count, and the unread count for a contact's comment. A pending reply of ours moves nothing
 * until it is sent (the UPDATE branch). Security definer: members may queue a reply but have no
 * grant on the post's counters.
 */
create function private.apply_comment_to_post() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.status <> 'sent' or (tg_op = 'UPDATE' and old.status = 'sent') then
    return new;
  end if;
  update public.posts p set
    last_comment_preview = case when p.last_comment_at is null or new.commented_at >= p.last_comment_at
      then left(regexp_replace(new.text, '\s+', ' ', 'g'), 140) else p.last_comment_preview end,
    last_comment_at = greatest(p.last_comment_at, new.commented_at),
    comment_count = p.comment_count + 1,
    -- a counter that cannot overflow: past 2^31 - 1 a post is simply "very unread"
    unread_count = least(p.unread_count + case when new.author_kind = 'contact' then 1 else 0 end,
      2147483647)
  where p.id = new.post_id;
  return new;
end
$$;
revoke execute on function private.apply_comment_to_post() from public;

create trigger comments_apply_to_post after insert on public.comments
  for each row execute function private.apply_comment_to_post();
create trigger comments_apply_sent_reply_to_post after update of status on public.comments
  for each row execute function private.apply_comment_to_post();

create trigger comments_broadcast_change
  after insert or update or delete on public.comments
  for each row execute function private.broadcast_inbox_change();

alter table public.comments enable row level security;

revoke all on table public.comments from anon, authenticated;
grant select on table public.comments to authenticated;
-- a member queues a public reply; sending, moderation and ingestion are the functions'
grant insert (
  imo_id, channel_account_id, post_id, client_comment_id, parent_id, author_kind, author_user_id,
  text, status
) on table public.comments to authenticated;
grant all on table public.comments to service_role;

create policy "Comments can be read by members of the IMO" on public.comments
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
create policy "Public replies can be queued by members as themselves" on public.comments
  for insert to authenticated with check (
    imo_id in (select private.imos_for_current_user())
    and (select private.has_feature(imo_id, 'instagram_messaging'))
    and author_kind = 'user' and author_user_id = (select auth.uid())
    and status = 'pending' and parent_id is not null
  );
