-- The queue between ingestion and the AI (issue 13: the analysis runs after a message is stored,
-- never in the webhook's request path). A trigger adds one job per inbound message from a
-- contact that has text, in the transaction that stores it, so nothing stored is ever missed
-- however the message arrived (webhook, replay, sync); ai-process-messages claims jobs with a
-- lease and deletes each once its analysis is stored. Service only: no member reads or writes it.
-- Creates: ai_analysis_jobs, trigger messages_enqueue_ai_analysis.

create table public.ai_analysis_jobs (
  message_id uuid primary key references public.messages (id) on delete cascade,
  imo_id uuid not null references public.imos (id) on delete cascade,
  enqueued_at timestamptz not null default now(),
  attempts integer not null default 0,
  locked_until timestamptz,
  last_error text
);
create index ai_analysis_jobs_due_idx on public.ai_analysis_jobs (enqueued_at)
  where attempts < 5;
create index ai_analysis_jobs_imo_id_idx on public.ai_analysis_jobs (imo_id);
comment on table public.ai_analysis_jobs is
  'Inbound messages waiting for their AI analysis; claimed with a lease, deleted when done.';

alter table public.ai_analysis_jobs enable row level security;
revoke all on table public.ai_analysis_jobs from anon, authenticated;
grant all on table public.ai_analysis_jobs to service_role;

/*
 * AFTER INSERT on messages: a contact's message with words in it waits for the AI. Postbacks,
 * reactions-only and media without a caption have nothing to analyse. One insert into a table of
 * its own: it never locks a row another ingestion transaction needs.
 */
create function private.enqueue_ai_analysis() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.direction = 'inbound' and new.author_kind = 'contact'
     and length(trim(coalesce(new.text, ''))) > 0 and new.deleted_at is null then
    insert into public.ai_analysis_jobs (message_id, imo_id) values (new.id, new.imo_id)
    on conflict (message_id) do nothing;
  end if;
  return null;
end
$$;
revoke execute on function private.enqueue_ai_analysis() from public;

create trigger messages_enqueue_ai_analysis after insert on public.messages
  for each row execute function private.enqueue_ai_analysis();

-- the backstop: jobs a kick missed (a restart, a burst) are taken within a minute
select private.schedule_function('ai-process-messages', '* * * * *', 'ai-process-messages', '{}', 60000);
