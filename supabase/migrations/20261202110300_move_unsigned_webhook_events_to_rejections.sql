-- Unsigned or wrongly signed POSTs were stored whole in the ledger (up to 16 KB each) before
-- webhook_rejections existed: they move there in its bounded form (the size is of what was kept),
-- and the retention job takes them with the rest.

insert into public.webhook_rejections (
  platform, received_at, reason, body_bytes, body_sha256, body_prefix, headers
)
select platform, received_at, left(coalesce(last_error, 'invalid signature'), 200),
  octet_length(raw_body), encode(sha256(convert_to(raw_body, 'UTF8')), 'hex'),
  substring(convert_to(raw_body, 'UTF8') from 1 for 256),
  (select coalesce(jsonb_object_agg(key, left(value, 120)), '{}'::jsonb)
   from jsonb_each_text(headers))
from public.webhook_events where not signature_valid;
delete from public.webhook_events where not signature_valid;
