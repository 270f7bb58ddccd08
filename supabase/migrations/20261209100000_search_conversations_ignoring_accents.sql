-- Search ignores accents: "jose gonzalez" finds José González, "reunion" a preview that says
-- "reunión". Recruiters type names without the accents their keyboards lack, or the person left
-- them out of their profile. The trigram indexes move to the same unaccented text, so search keeps
-- using them.
-- Changes: private.unaccented(text) (new); contacts_username_trgm_idx,
-- contacts_display_name_trgm_idx, conversations_preview_trgm_idx; private.search_conversations().

create extension if not exists unaccent with schema extensions;

/*
 * A text without its accents, lower and upper case kept (ilike ignores case). Immutable, so
 * indexes may hold it: the dictionary is named outright and bound when the function is created,
 * so the answer never depends on a caller's search path.
 */
create function private.unaccented(value text) returns text
language sql immutable parallel safe strict set search_path = ''
return extensions.unaccent('extensions.unaccent'::regdictionary, value);

drop index public.contacts_username_trgm_idx;
create index contacts_username_trgm_idx
  on public.contacts using gin (private.unaccented(username) extensions.gin_trgm_ops);
drop index public.contacts_display_name_trgm_idx;
create index contacts_display_name_trgm_idx
  on public.contacts using gin (private.unaccented(display_name) extensions.gin_trgm_ops);
drop index public.conversations_preview_trgm_idx;
create index conversations_preview_trgm_idx
  on public.conversations using gin (private.unaccented(last_message_preview) extensions.gin_trgm_ops);

/*
 * private.search_conversations(imo, query, max_rows): conversations of an IMO whose contact
 * username or name, or last message preview, contain `query`, ignoring case and accents, newest
 * first. security definer because `ilike` is not leakproof: under RLS Postgres will not use the
 * trigram indexes; membership is checked here instead, once. Returns ids; callers read the rows
 * under RLS with `where id = any(array(select conversation_id from private.search_conversations(...)))`.
 */
create or replace function private.search_conversations(imo uuid, query text, max_rows integer default 50)
returns table (conversation_id uuid, last_message_at timestamptz)
language plpgsql stable security definer set search_path = '' rows 50 as $$
declare
  plain text := private.unaccented(query);
  pattern text := '%' || replace(replace(replace(plain, '\', '\\'), '%', '\%'), '_', '\_') || '%';
begin
  if not private.is_member(imo) or length(trim(query)) < 2 then
    return;
  end if;
  return query
    select hit.id, hit.last_message_at from (
      select c.id, c.last_message_at from public.conversations c
      where c.imo_id = imo and private.unaccented(c.last_message_preview) ilike pattern
      union
      select c.id, c.last_message_at from public.contacts k
      join public.conversations c on c.contact_id = k.id
      where k.imo_id = imo
        and (private.unaccented(k.username) ilike pattern
          or private.unaccented(k.display_name) ilike pattern)
    ) hit
    order by hit.last_message_at desc nulls last, hit.id desc
    limit least(greatest(max_rows, 1), 200);
end
$$;
