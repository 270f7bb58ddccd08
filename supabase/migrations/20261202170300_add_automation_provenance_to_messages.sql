-- Every message automation sends says where it came from: the scheduled message it went out for
-- and the rule that wrote it ('scheduled_message': a member's schedule; 'auto_reminder': the
-- priority reminder). Written by the processor only (no member grant on either column).
-- Changes: messages.scheduled_message_id, messages.automation_rule.

alter table public.messages add column scheduled_message_id uuid;
alter table public.messages add column automation_rule text
  check (automation_rule in ('scheduled_message', 'auto_reminder'));
alter table public.messages
  -- the schedule is one of the message's own conversation, hence of its IMO
  add constraint messages_scheduled_message_id_fkey
    foreign key (scheduled_message_id, conversation_id)
    references public.scheduled_messages (id, conversation_id) on delete set null (scheduled_message_id),
  add constraint messages_automation_provenance_check
    check ((automation_rule is null and scheduled_message_id is null) or author_kind = 'automation');
create index messages_scheduled_message_id_idx on public.messages (scheduled_message_id)
  where scheduled_message_id is not null;
