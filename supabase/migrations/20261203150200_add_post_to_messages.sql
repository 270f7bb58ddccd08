-- Messages: a message that is a public post (a Bluesky mention or reply, or our reply to one)
-- keeps what answering it in its thread needs: its URI and CID, the thread's root and the parent
-- it answers, its web address and its rich-text facets (docs/bluesky.md §4). The post's URI is
-- also its external_id, so polling twice stores it once.
-- Adds: messages.post (jsonb, null for direct messages). Members read it; only the functions write it.

alter table public.messages
  add column post jsonb check (post is null or jsonb_typeof(post) = 'object');
comment on column public.messages.post is
  'A public post: {uri, cid, root: {uri, cid}, parent: {uri, cid} | null, url, facets, reason}.';
