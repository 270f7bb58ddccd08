-- Private replies (Meta's comment-to-DM, docs/meta-platform.md §9 "Private Replies"): a message
-- sent to the person who wrote a comment, addressed by the comment, which opens (or continues)
-- the conversation with them. Meta takes one per comment: at most one such message per comment
-- may be on its way or sent; a failed one may be tried again. The comment and its private reply
-- point at each other, so either view links to the other.
-- Changes: messages.private_reply_to_comment_id, comments.private_reply_message_id,
-- messages.automation_rule takes 'comment_rule' (keyword rules, a later migration).

alter table public.messages add column private_reply_to_comment_id uuid;
alter table public.messages
  -- the comment is one of this message's account, hence of its IMO
  add constraint messages_private_reply_to_comment_id_fkey
    foreign key (private_reply_to_comment_id, channel_account_id)
    references public.comments (id, channel_account_id) on delete set null (private_reply_to_comment_id);
create unique index messages_one_private_reply_per_comment_idx
  on public.messages (private_reply_to_comment_id)
  where private_reply_to_comment_id is not null and status <> 'failed';
create index messages_private_reply_to_comment_id_idx on public.messages (private_reply_to_comment_id)
  where private_reply_to_comment_id is not null;
comment on column public.messages.private_reply_to_comment_id is
  'The comment this message privately replies to (Meta''s Private Replies: recipient.comment_id).';

alter table public.comments add column private_reply_message_id uuid;
alter table public.comments
  add constraint comments_private_reply_message_id_fkey
    foreign key (private_reply_message_id) references public.messages (id) on delete set null;
create index comments_private_reply_message_id_idx on public.comments (private_reply_message_id)
  where private_reply_message_id is not null;

/*
 * private.link_private_reply(): AFTER INSERT OR UPDATE OF status on a message that privately
 * replies to a comment. The comment points at the message that is on its way or was sent; a failed
 * one is unlinked, so that another may be tried. Security definer: the comment's columns are the
 * server's.
 */
create function private.link_private_reply() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.comments c set private_reply_message_id =
    case when new.status = 'failed' then null else new.id end
  where c.id = new.private_reply_to_comment_id
    and (new.status <> 'failed' or c.private_reply_message_id = new.id)
    and c.private_reply_message_id is distinct from case when new.status = 'failed' then null else new.id end;
  return new;
end
$$;
revoke execute on function private.link_private_reply() from public;

create trigger messages_link_private_reply after insert or update of status on public.messages
  for each row when (new.private_reply_to_comment_id is not null)
  execute function private.link_private_reply();

alter table public.messages drop constraint messages_automation_rule_check;
alter table public.messages add constraint messages_automation_rule_check
  check (automation_rule in ('scheduled_message', 'auto_reminder', 'comment_rule'));
