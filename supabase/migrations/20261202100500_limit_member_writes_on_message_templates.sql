-- Message templates: created_by is always the admin who creates the template (a default, and no
-- grant on the column); use_count is counted by the send path only; a deletion (deleted_at) is
-- dated by the server (issue 8).
-- Changes: created_by defaults to auth.uid(); insert and update grants of authenticated on
-- message_templates (column lists); deleted_at stamped with now().

alter table public.message_templates alter column created_by set default auth.uid();

revoke insert, update on table public.message_templates from authenticated;
grant insert (imo_id, name, content, category) on table public.message_templates to authenticated;
grant update (name, content, category, deleted_at) on table public.message_templates
  to authenticated;

create trigger message_templates_stamp_deleted_at
  before update of deleted_at on public.message_templates
  for each row execute function private.stamp_with_now('deleted_at');
