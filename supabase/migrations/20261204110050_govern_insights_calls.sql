-- The Graph call governor learns the insights sync's kind of call: Graph's platform rate limit
-- allows an app 200 calls per hour per user (docs/meta-platform.md §6 "Rate limits"), and the
-- hourly sync makes three or four per account, so 200 an hour per account keeps "Sync now" and the
-- cron within it together. The health console shows what is left of each kind's window.
-- Changes: private.graph_call_limits ('insights').

insert into private.graph_call_limits (call_kind, calls_per_second, window_ms)
  values ('insights', 200, 3600000);
