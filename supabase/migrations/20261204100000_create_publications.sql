-- Publications: a post the Publishing page writes for one channel account (an Instagram image or
-- carousel, a Bluesky post with images), from draft to published. A person writes the caption,
-- the media (image URLs with their alt text) and when it goes out; the server writes the rest: the
-- publishing lease and attempts, the outcome (Meta's or Bluesky's id and link, or why it failed)
-- and, for Instagram, the posts row the Comments view shows it by (docs/meta-platform.md §7).
-- One post per account: the composer makes one publication for each account it posts to.
-- Creates: publication_status, publications.

create type public.publication_status as enum
  ('draft', 'scheduled', 'publishing', 'published', 'failed');

create table public.publications (
  id uuid primary key default gen_random_uuid(),
  imo_id uuid not null,
  channel_account_id uuid not null,
  status public.publication_status not null default 'draft',
  caption text not null default '' check (char_length(caption) <= 2200),
  -- [{url, alt_text}], in order: up to 10 (an Instagram carousel; Bluesky takes 4)
  media jsonb not null default '[]'::jsonb
    check (jsonb_typeof(media) = 'array' and jsonb_array_length(media) <= 10),
  scheduled_at timestamptz,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  -- the server's: one run holds a publication while it goes out
  attempts integer not null default 0 check (attempts >= 0),
  lease_until timestamptz,
  publishing_started_at timestamptz,
  error_code text,
  error_message text,
  -- Instagram's media id, or the Bluesky post's at:// URI
  external_id text,
  permalink text,
  published_at timestamptz,
  post_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (channel_account_id, imo_id)
    references public.channel_accounts (id, imo_id) on delete cascade,
  foreign key (post_id, imo_id) references public.posts (id, imo_id) on delete set null (post_id),
  check (status <> 'scheduled' or scheduled_at is not null),
  check (status <> 'published' or (external_id is not null and published_at is not null))
);
-- the Publishing list: newest first, per IMO
create index publications_imo_list_idx on public.publications (imo_id, created_at desc, id desc);
create index publications_account_idx on public.publications (channel_account_id);
create index publications_created_by_idx on public.publications (created_by);
create index publications_post_id_idx on public.publications (post_id);
-- the cron's claim: due scheduled posts, and runs that stopped half way
create index publications_due_idx on public.publications (scheduled_at) where status = 'scheduled';
create index publications_publishing_idx on public.publications (lease_until)
  where status = 'publishing';
comment on table public.publications is
  'Posts written on the Publishing page, one per channel account, from draft to published.';

create trigger publications_touch_updated_at before update on public.publications
  for each row execute function private.touch_updated_at();

alter table public.publications enable row level security;

revoke all on table public.publications from anon, authenticated;
grant select on table public.publications to authenticated;
grant insert (imo_id, channel_account_id, caption, media, scheduled_at, status)
  on table public.publications to authenticated;
grant update (caption, media, scheduled_at, status) on table public.publications to authenticated;
grant delete on table public.publications to authenticated;
grant all on table public.publications to service_role;

create policy "Publications can be read by members of the IMO" on public.publications
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
-- a post speaks for the whole IMO in public: owners and admins write, as bluesky-publish-post;
-- a scheduled one needs the plan's schedules
create policy "Publications can be drafted by owners and admins of the IMO"
  on public.publications for insert to authenticated
  with check (
    status in ('draft', 'scheduled')
    and (select private.has_role(imo_id, '{owner,admin}'))
    and (select private.has_feature(imo_id, 'instagram_messaging'))
    and (status <> 'scheduled' or (select private.has_feature(imo_id, 'instagram_scheduled_messages')))
  );
-- what has not gone out may change (a failed one becomes a draft again); the server publishes
create policy "Unpublished publications can be edited by owners and admins of the IMO"
  on public.publications for update to authenticated
  using (
    status in ('draft', 'scheduled', 'failed') and (select private.has_role(imo_id, '{owner,admin}'))
  )
  with check (
    status in ('draft', 'scheduled')
    and (select private.has_role(imo_id, '{owner,admin}'))
    and (select private.has_feature(imo_id, 'instagram_messaging'))
    and (status <> 'scheduled' or (select private.has_feature(imo_id, 'instagram_scheduled_messages')))
  );
-- a published post stays listed with its link; one on its way cannot be pulled back
create policy "Unpublished publications can be deleted by owners and admins of the IMO"
  on public.publications for delete to authenticated
  using (
    status in ('draft', 'scheduled', 'failed') and (select private.has_role(imo_id, '{owner,admin}'))
  );
