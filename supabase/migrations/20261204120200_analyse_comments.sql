-- The AI's analysis runs on comments too (issues 13 and 16): a contact's comment with words in
-- it waits in the same queue as inbound DMs (ai_analysis_jobs, drained by ai-process-messages)
-- and gets the same analysis (intent, entities, sentiment, opportunity category, with provider,
-- model, tools, latency and fallback reason). Comments are answered by people and keyword rules,
-- never by the AI, so a comment's analysis has no reply outcome. Written only by the service;
-- members of the IMO read theirs.
-- Creates: comment_analyses. Changes: ai_analysis_jobs holds a message's or a comment's job
-- (one of the two), keyed by an id of its own; trigger comments_enqueue_ai_analysis.

create table public.comment_analyses (
  comment_id uuid primary key,
  imo_id uuid not null,
  post_id uuid not null,
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
  created_at timestamptz not null default now(),
  foreign key (comment_id, imo_id) references public.comments (id, imo_id) on delete cascade,
  foreign key (comment_id, post_id) references public.comments (id, post_id) on delete cascade
);
create index comment_analyses_imo_id_idx on public.comment_analyses (imo_id);
create index comment_analyses_post_idx on public.comment_analyses (post_id, created_at desc);
comment on table public.comment_analyses is
  'One AI analysis per contact comment (intent, entities, sentiment, category) with provider, model, tools, latency and fallback reason.';

alter table public.comment_analyses enable row level security;

revoke all on table public.comment_analyses from anon, authenticated;
grant select on table public.comment_analyses to authenticated;
grant all on table public.comment_analyses to service_role;

create policy "Comment analyses can be read by members of the IMO" on public.comment_analyses
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));

-- one queue for both: a job is a message's or a comment's
alter table public.ai_analysis_jobs drop constraint ai_analysis_jobs_pkey;
alter table public.ai_analysis_jobs add column id bigint generated always as identity primary key;
alter table public.ai_analysis_jobs alter column message_id drop not null;
alter table public.ai_analysis_jobs add constraint ai_analysis_jobs_message_id_key unique (message_id);
alter table public.ai_analysis_jobs add column comment_id uuid
  references public.comments (id) on delete cascade;
alter table public.ai_analysis_jobs add constraint ai_analysis_jobs_comment_id_key unique (comment_id);
alter table public.ai_analysis_jobs add constraint ai_analysis_jobs_one_subject
  check (num_nonnulls(message_id, comment_id) = 1);

/*
 * AFTER INSERT on comments: a contact's comment with words in it waits for the AI, like a DM.
 * Our own replies, the account's from the Instagram app and empty comments are left out.
 */
create function private.enqueue_comment_ai_analysis() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.author_kind = 'contact' and length(trim(new.text)) > 0 and new.deleted_at is null then
    insert into public.ai_analysis_jobs (comment_id, imo_id) values (new.id, new.imo_id)
    on conflict (comment_id) do nothing;
  end if;
  return null;
end
$$;
revoke execute on function private.enqueue_comment_ai_analysis() from public;

create trigger comments_enqueue_ai_analysis after insert on public.comments
  for each row execute function private.enqueue_comment_ai_analysis();
