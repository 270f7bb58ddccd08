-- The AI's analysis of each inbound message (issue 13, shared/src/contracts/message-analysis.ts):
-- intent with its confidence, entities, sentiment and opportunity category, and the AI metadata of
-- seed 001 (provider, model, tools used, latency; the reason when the LLM failed and the offline
-- provider answered). What the assistant then did with it is `reply_outcome`. Written only by the
-- service (the ai-process-messages function); members of the IMO read theirs.
-- Creates: message_analyses; conversations.ai_category.

create table public.message_analyses (
  message_id uuid primary key,
  imo_id uuid not null references public.imos (id) on delete cascade,
  conversation_id uuid not null,
  intent text not null check (intent in ('interested', 'compensation_question',
    'requirements_question', 'schedule_call', 'not_interested', 'order', 'spam', 'other')),
  confidence numeric(4, 3) not null check (confidence between 0 and 1),
  entities jsonb not null check (jsonb_typeof(entities) = 'object'),
  sentiment numeric(4, 3) not null check (sentiment between -1 and 1),
  category text not null check (category in ('candidate', 'client_or_partner', 'customer_order',
    'support', 'spam', 'other')),
  provider text not null check (provider in ('offline', 'openai', 'anthropic', 'openai_compatible')),
  model text not null,
  tools_used text[] not null default '{}',
  latency_ms integer not null check (latency_ms >= 0),
  fallback_reason text,
  -- drafted, sent, or why nothing was (skipped: <reason>)
  reply_outcome text,
  created_at timestamptz not null default now(),
  foreign key (message_id, conversation_id) references public.messages (id, conversation_id)
    on delete cascade,
  foreign key (conversation_id, imo_id) references public.conversations (id, imo_id) on delete cascade
);
create index message_analyses_conversation_idx on public.message_analyses (conversation_id, created_at desc);
create index message_analyses_imo_id_idx on public.message_analyses (imo_id);
comment on table public.message_analyses is
  'One AI analysis per inbound message (intent, entities, sentiment, category) with provider, model, tools, latency and fallback reason.';

alter table public.message_analyses enable row level security;

revoke all on table public.message_analyses from anon, authenticated;
grant select on table public.message_analyses to authenticated;
grant all on table public.message_analyses to service_role;

create policy "Message analyses can be read by members of the IMO" on public.message_analyses
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));

-- the conversation as an opportunity: the last analysed category that said more than "other"
alter table public.conversations add column ai_category text check (ai_category in ('candidate',
  'client_or_partner', 'customer_order', 'support', 'spam', 'other'));
create index conversations_category_inbox_idx
  on public.conversations (imo_id, ai_category, last_message_at desc nulls last, id desc)
  where ai_category is not null;
