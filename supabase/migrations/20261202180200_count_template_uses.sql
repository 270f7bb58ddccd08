-- Templates: a use is counted when a member renders a template into a conversation's composer.
-- Members have no grant on use_count (issue 8), so the count goes through this function, which
-- checks that the caller belongs to the template's IMO.
-- Changes: private.count_template_use().

create function private.count_template_use(template uuid) returns boolean
language plpgsql security definer set search_path = '' as $$
begin
  update public.message_templates t set use_count = t.use_count + 1
  where t.id = template and t.deleted_at is null and private.is_member(t.imo_id);
  return found;
end
$$;
revoke execute on function private.count_template_use(uuid) from public;
grant execute on function private.count_template_use(uuid) to authenticated, service_role;
