-- AI modes per conversation, default per account (issue 13): a connected account may start its
-- new conversations in a mode of its own (a shop account on autopilot beside a recruiting account
-- supervised, say); null follows the IMO's default (ai_settings.default_mode). Owners and admins
-- change it in Settings › AI; it is the one column of an account members may write.
-- Changes: channel_accounts.ai_default_mode with its grants and update policy;
-- private.apply_default_ai_mode reads it first.

alter table public.channel_accounts add column ai_default_mode public.ai_mode;
comment on column public.channel_accounts.ai_default_mode is
  'The AI mode new conversations of this account start in; null: the IMO''s ai_settings.default_mode.';

grant select (ai_default_mode) on table public.channel_accounts to authenticated;
grant update (ai_default_mode) on table public.channel_accounts to authenticated;

create policy "Channel accounts' AI default mode can be changed by owners and admins of the IMO"
  on public.channel_accounts for update to authenticated
  using ((select private.has_role(imo_id, '{owner,admin}')))
  with check ((select private.has_role(imo_id, '{owner,admin}')));

/*
 * A new conversation starts in its account's default AI mode, else its IMO's. BEFORE INSERT, so
 * the webhook that creates the conversation writes it in one statement; a conversation created
 * with a mode other than the column default keeps the one it was given.
 */
create or replace function private.apply_default_ai_mode() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.ai_mode = 'off' then
    new.ai_mode := coalesce(
      (select a.ai_default_mode from public.channel_accounts a where a.id = new.channel_account_id),
      (select s.default_mode from public.ai_settings s where s.imo_id = new.imo_id),
      'off');
  end if;
  return new;
end
$$;
revoke execute on function private.apply_default_ai_mode() from public;
