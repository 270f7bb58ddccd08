-- Template and scheduled-message text: at most 1000 bytes of UTF-8, as before (Meta's limit is in
-- bytes, not characters: docs/meta-platform.md §2), and no longer whitespace only, which the
-- shared rule (shared/src/rules/message-text.ts) already refused: the two now accept the same text.
-- Creates: private.is_message_text(text). Changes: the text checks of message_templates and
-- scheduled_messages.

/*
 * private.is_message_text(value): 1 to 1000 UTF-8 bytes with at least one character that is not
 * white space, where white space is what JavaScript's String.prototype.trim removes (spelled out,
 * so that the answer does not depend on the database's locale).
 */
create function private.is_message_text(value text) returns boolean
language sql immutable set search_path = '' as $$
  select octet_length(value) between 1 and 1000
    and value ~ '[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]'
$$;
revoke execute on function private.is_message_text(text) from public;
-- a check constraint runs with the privileges of whoever writes the row
grant execute on function private.is_message_text(text) to authenticated, service_role;

alter table public.message_templates
  drop constraint message_templates_content_check,
  add constraint message_templates_content_check check (private.is_message_text(content));
alter table public.scheduled_messages
  drop constraint scheduled_messages_text_check,
  add constraint scheduled_messages_text_check check (private.is_message_text(text));
