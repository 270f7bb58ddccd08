-- Posts: a channel account's own media (an Instagram post, reel or ad) that people comment on.
-- Known first from a comment webhook (Meta sends only the media id and product type); the caption,
-- thumbnail and link are fetched afterwards (docs/meta-platform.md §9 "Media"). The Comments view
-- lists posts like the inbox lists conversations: newest comment first, with an unread count, a
-- priority flag and an assignee, all kept by the comments trigger (next migration) or written by
-- members through the comment-triage function.
-- Creates: posts, private.mark_post_read().

create table public.posts (
  id uuid primary key default gen_random_uuid(),
  imo_id uuid not null,
  channel_account_id uuid not null,
  -- Meta's media id
  external_id text not null,
  -- FEED, REELS, STORY, AD, ... as Meta names the surface
  media_product_type text,
  -- IMAGE, VIDEO, CAROUSEL_ALBUM
  media_type text,
  caption text,
  permalink text,
  thumbnail_url text,
  posted_at timestamptz,
  details_fetched_at timestamptz,
  details_fetch_attempts integer not null default 0,
  details_fetch_error text,
  last_comment_at timestamptz,
  last_comment_preview text,
  comment_count integer not null default 0 check (comment_count >= 0),
  unread_count integer not null default 0 check (unread_count >= 0),
  last_read_at timestamptz,
  is_priority boolean not null default false,
  assigned_to uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (channel_account_id, imo_id) references public.channel_accounts (id, imo_id) on delete cascade,
  foreign key (imo_id, assigned_to) references public.imo_members (imo_id, user_id)
    on delete set null (assigned_to),
  unique (channel_account_id, external_id),
  unique (id, imo_id),
  unique (id, imo_id, channel_account_id)
);
-- the Comments view: newest comment first, id as keyset tie-break, per IMO and per account
create index posts_imo_list_idx on public.posts (imo_id, last_comment_at desc nulls last, id desc);
create index posts_account_list_idx
  on public.posts (channel_account_id, last_comment_at desc nulls last, id desc);
create index posts_assigned_to_idx on public.posts (assigned_to);
create index posts_details_pending_idx on public.posts (details_fetch_attempts)
  where details_fetched_at is null;
comment on table public.posts is
  'Media of a channel account that people comment on; counters kept by the comments trigger.';

create trigger posts_touch_updated_at before update on public.posts
  for each row execute function private.touch_updated_at();

alter table public.posts enable row level security;

revoke all on table public.posts from anon, authenticated;
grant select on table public.posts to authenticated;
-- members triage a post; its counters, clock and details are ingestion's
grant update (is_priority, assigned_to) on table public.posts to authenticated;
grant all on table public.posts to service_role;

create policy "Posts can be read by members of the IMO" on public.posts
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
create policy "Posts can be triaged by members of the IMO" on public.posts
  for update to authenticated
  using (imo_id in (select private.imos_for_current_user()))
  with check (imo_id in (select private.imos_for_current_user()));

/*
 * private.mark_post_read(post): the caller has seen the post's comments; its unread count goes to
 * 0. Security definer because members have no grant on the counters; membership is checked here,
 * so a post of another IMO (or none) answers false.
 */
create function private.mark_post_read(post uuid) returns boolean
language plpgsql security definer set search_path = '' as $$
begin
  update public.posts p set unread_count = 0, last_read_at = now()
  where p.id = post and p.imo_id in (select private.imos_for_current_user());
  return found;
end
$$;
revoke execute on function private.mark_post_read(uuid) from public, anon;
grant execute on function private.mark_post_read(uuid) to authenticated;

create trigger posts_broadcast_change
  after insert or update or delete on public.posts
  for each row execute function private.broadcast_inbox_change();
