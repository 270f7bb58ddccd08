-- What the AI wrote says how it left (issue 13: "AI, approved by X", "AI, edited by X", "AI,
-- autopilot"): `ai_review` on every message with author_kind 'ai' that is not a draft, the person
-- who approved or edited it in author_user_id, and the inbound message it answers in
-- ai_reply_to_message_id (drafts carry it too). Written by the assistant only (no member grant).
-- Changes: messages.ai_review, messages.ai_reply_to_message_id.

alter table public.messages add column ai_review text
  check (ai_review in ('approved', 'edited', 'autopilot'));
alter table public.messages add column ai_reply_to_message_id uuid;
alter table public.messages
  add constraint messages_ai_reply_to_message_id_fkey
    foreign key (ai_reply_to_message_id, conversation_id)
    references public.messages (id, conversation_id) on delete set null (ai_reply_to_message_id),
  add constraint messages_ai_provenance_check check (
    (author_kind = 'ai' and (status = 'draft' or ai_review is not null))
    or (author_kind <> 'ai' and ai_review is null and ai_reply_to_message_id is null)),
  -- a person approved or edited it: we know who
  add constraint messages_ai_review_person_check
    check (ai_review not in ('approved', 'edited') or author_user_id is not null);
create index messages_ai_reply_to_message_id_idx on public.messages (ai_reply_to_message_id)
  where ai_reply_to_message_id is not null;
-- one open draft per conversation: a newer one replaces it
create unique index messages_one_ai_draft_idx on public.messages (conversation_id)
  where author_kind = 'ai' and status = 'draft';
