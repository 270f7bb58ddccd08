-- Keyword rules on comments (the "comment to DM" classic): "when someone comments <keyword> on
-- <a post, or any post>, reply privately with <template>". A contact's new comment that matches
-- queues one run; the run sends the private reply through the send path and the rate governor.
-- A person gets at most one such reply per post, whatever rules match (unique post and contact).
-- Rules are read by every member and written by owners and admins on a plan with automation;
-- runs are the functions' (members read them, for provenance).
-- Creates: comment_rules, comment_rule_runs; messages.comment_rule_id.

create table public.comment_rules (
  id uuid primary key default gen_random_uuid(),
  imo_id uuid not null references public.imos (id) on delete cascade,
  -- null: every account of the IMO
  channel_account_id uuid,
  -- null: any post (of the account, or of every account)
  post_id uuid,
  -- matched as whole words, ignoring case and accents (shared/src/rules/comment-keywords.ts)
  keyword text not null check (length(trim(keyword)) between 1 and 100),
  template_id uuid not null,
  is_enabled boolean not null default true,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (channel_account_id, imo_id) references public.channel_accounts (id, imo_id)
    on delete cascade,
  foreign key (post_id, imo_id) references public.posts (id, imo_id) on delete cascade,
  -- templates are deleted softly (a rule whose template is gone sends nothing); a hard delete
  -- takes its rules with it
  foreign key (template_id, imo_id) references public.message_templates (id, imo_id)
    on delete cascade,
  unique (id, imo_id)
);
create index comment_rules_imo_id_idx on public.comment_rules (imo_id) where is_enabled;
create index comment_rules_channel_account_id_idx on public.comment_rules (channel_account_id);
create index comment_rules_post_id_idx on public.comment_rules (post_id);
create index comment_rules_template_id_idx on public.comment_rules (template_id);
create index comment_rules_created_by_idx on public.comment_rules (created_by);
comment on table public.comment_rules is
  'Keyword rules: a matching comment gets a private reply from a template, once per person per post.';

create trigger comment_rules_touch_updated_at before update on public.comment_rules
  for each row execute function private.touch_updated_at();

alter table public.comment_rules enable row level security;

revoke all on table public.comment_rules from anon, authenticated;
grant select on table public.comment_rules to authenticated;
grant insert (imo_id, channel_account_id, post_id, keyword, template_id, is_enabled)
  on table public.comment_rules to authenticated;
grant update (channel_account_id, post_id, keyword, template_id, is_enabled)
  on table public.comment_rules to authenticated;
grant delete on table public.comment_rules to authenticated;
grant all on table public.comment_rules to service_role;

create policy "Comment rules can be read by members of the IMO" on public.comment_rules
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
create policy "Comment rules can be created by owners and admins of the IMO"
  on public.comment_rules for insert to authenticated with check (
    (select private.has_role(imo_id, '{owner,admin}'))
    and (select private.has_feature(imo_id, 'instagram_scheduled_messages'))
  );
create policy "Comment rules can be changed by owners and admins of the IMO"
  on public.comment_rules for update to authenticated
  using ((select private.has_role(imo_id, '{owner,admin}')))
  with check (
    (select private.has_role(imo_id, '{owner,admin}'))
    and (select private.has_feature(imo_id, 'instagram_scheduled_messages'))
  );
create policy "Comment rules can be deleted by owners and admins of the IMO"
  on public.comment_rules for delete to authenticated
  using ((select private.has_role(imo_id, '{owner,admin}')));

create type public.comment_rule_run_status as enum ('queued', 'sending', 'sent', 'failed', 'skipped');

create table public.comment_rule_runs (
  id uuid primary key default gen_random_uuid(),
  imo_id uuid not null,
  channel_account_id uuid not null,
  rule_id uuid,
  post_id uuid not null,
  contact_id uuid not null,
  comment_id uuid not null,
  message_id uuid references public.messages (id) on delete set null,
  status public.comment_rule_run_status not null default 'queued',
  -- why a run was skipped or failed, in a word (rule_disabled, comment_hidden, too_old, ...)
  reason text,
  attempts integer not null default 0,
  lease_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (rule_id, imo_id) references public.comment_rules (id, imo_id)
    on delete set null (rule_id),
  foreign key (post_id, imo_id, channel_account_id)
    references public.posts (id, imo_id, channel_account_id) on delete cascade,
  foreign key (contact_id, imo_id, channel_account_id)
    references public.contacts (id, imo_id, channel_account_id) on delete cascade,
  foreign key (comment_id, channel_account_id) references public.comments (id, channel_account_id)
    on delete cascade,
  -- at most once per person per post
  unique (post_id, contact_id)
);
create index comment_rule_runs_due_idx on public.comment_rule_runs (created_at)
  where status in ('queued', 'sending');
create index comment_rule_runs_imo_id_idx on public.comment_rule_runs (imo_id);
create index comment_rule_runs_rule_id_idx on public.comment_rule_runs (rule_id);
create index comment_rule_runs_contact_id_idx on public.comment_rule_runs (contact_id);
create index comment_rule_runs_comment_id_idx on public.comment_rule_runs (comment_id);
create index comment_rule_runs_message_id_idx on public.comment_rule_runs (message_id);
comment on table public.comment_rule_runs is
  'One keyword rule firing for a person on a post: queued, then sent, failed or skipped.';

create trigger comment_rule_runs_touch_updated_at before update on public.comment_rule_runs
  for each row execute function private.touch_updated_at();

alter table public.comment_rule_runs enable row level security;

revoke all on table public.comment_rule_runs from anon, authenticated;
grant select on table public.comment_rule_runs to authenticated;
grant all on table public.comment_rule_runs to service_role;

create policy "Comment rule runs can be read by members of the IMO" on public.comment_rule_runs
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));

-- a message a rule sent names it, as a scheduled message names its schedule
alter table public.messages add column comment_rule_id uuid;
alter table public.messages
  add constraint messages_comment_rule_id_fkey
    foreign key (comment_rule_id, imo_id) references public.comment_rules (id, imo_id)
    on delete set null (comment_rule_id),
  add constraint messages_comment_rule_provenance_check
    check (comment_rule_id is null or automation_rule = 'comment_rule');
create index messages_comment_rule_id_idx on public.messages (comment_rule_id)
  where comment_rule_id is not null;
