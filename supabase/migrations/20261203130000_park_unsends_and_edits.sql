-- Parked webhook events: besides reactions and reads, an unsend and an edit may arrive before the
-- message they change (Meta does not keep order); they wait here like the others and are applied
-- when the message is stored (supabase/functions/_shared/webhooks/parked-events.ts).
-- Changes: the kind check of webhook_pending_events.

alter table public.webhook_pending_events
  drop constraint webhook_pending_events_kind_check,
  add constraint webhook_pending_events_kind_check
    check (kind in ('reaction', 'read', 'unsend', 'edit'));
