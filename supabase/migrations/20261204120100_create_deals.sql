-- Deals (issue 13, seed 000's "Close sale" and seed 001's `create_deal` action): a sale or a
-- signing a conversation led to, created from the DM's AI panel. What the AI read of an order
-- (product, size, colour, quantity) and the amount of the payment link start the form; the deal
-- says whether it came from the AI's analysis (provenance `ai`, with the analysed message) or
-- was typed by a person (`person`). Members of the IMO read, create and update deals; owners and
-- admins delete them. Who created it, its contact and its provenance are the server's (a trigger).
-- Creates: deals.

create table public.deals (
  id uuid primary key default gen_random_uuid(),
  imo_id uuid not null references public.imos (id) on delete cascade,
  conversation_id uuid not null,
  -- the conversation's contact (a trigger): the deal stays with the person if the thread goes
  contact_id uuid not null,
  recruiting_lead_id uuid,
  title text not null check (length(trim(title)) between 1 and 200),
  amount numeric(12, 2) check (amount >= 0),
  currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  stage text not null default 'open' check (stage in ('open', 'won', 'lost')),
  product text check (length(product) <= 200),
  size text check (length(size) <= 40),
  colour text check (length(colour) <= 40),
  quantity integer check (quantity between 1 and 10000),
  -- the inbound message whose analysis pre-filled it (provenance 'ai')
  analysis_message_id uuid,
  provenance text not null default 'person' check (provenance in ('ai', 'person')),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (conversation_id, imo_id) references public.conversations (id, imo_id)
    on delete cascade,
  foreign key (contact_id, imo_id) references public.contacts (id, imo_id) on delete cascade,
  foreign key (recruiting_lead_id, imo_id) references public.recruiting_leads (id, imo_id)
    on delete set null (recruiting_lead_id),
  foreign key (analysis_message_id, conversation_id) references public.messages (id, conversation_id)
    on delete set null (analysis_message_id)
);
create index deals_conversation_idx on public.deals (conversation_id, created_at desc);
create index deals_imo_id_idx on public.deals (imo_id, created_at desc);
create index deals_contact_id_idx on public.deals (contact_id);
create index deals_recruiting_lead_id_idx on public.deals (recruiting_lead_id);
create index deals_analysis_message_id_idx on public.deals (analysis_message_id);
create index deals_created_by_idx on public.deals (created_by);
comment on table public.deals is
  'Deals from a conversation: title, amount and currency, stage, an order''s details, provenance (ai: pre-filled from an analysis; person).';

create trigger deals_touch_updated_at before update on public.deals
  for each row execute function private.touch_updated_at();

/*
 * private.sign_deal(): BEFORE INSERT. The contact is the conversation's; a member's deal is
 * theirs (created_by) and its provenance follows what started it: `ai` when it names the analysed
 * message it was pre-filled from, else `person`. The service (a future AI action) writes its own.
 */
create function private.sign_deal() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.contact_id := (select c.contact_id from public.conversations c
    where c.id = new.conversation_id);
  if (select auth.uid()) is not null then
    new.created_by := (select auth.uid());
    new.provenance := case when new.analysis_message_id is null then 'person' else 'ai' end;
  end if;
  return new;
end
$$;
revoke execute on function private.sign_deal() from public;

create trigger deals_sign before insert on public.deals
  for each row execute function private.sign_deal();

alter table public.deals enable row level security;

revoke all on table public.deals from anon, authenticated;
grant select on table public.deals to authenticated;
grant insert (imo_id, conversation_id, recruiting_lead_id, title, amount, currency, stage, product,
  size, colour, quantity, analysis_message_id) on table public.deals to authenticated;
grant update (recruiting_lead_id, title, amount, currency, stage, product, size, colour, quantity)
  on table public.deals to authenticated;
grant delete on table public.deals to authenticated;
grant all on table public.deals to service_role;

create policy "Deals can be read by members of the IMO" on public.deals
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
create policy "Deals can be created by members of the IMO" on public.deals
  for insert to authenticated with check (imo_id in (select private.imos_for_current_user()));
create policy "Deals can be updated by members of the IMO" on public.deals
  for update to authenticated
  using (imo_id in (select private.imos_for_current_user()))
  with check (imo_id in (select private.imos_for_current_user()));
create policy "Deals can be deleted by owners and admins of the IMO" on public.deals
  for delete to authenticated using ((select private.has_role(imo_id, '{owner,admin}')));
