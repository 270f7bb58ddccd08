-- OAuth states: also remember the Auth session (the access token's `session_id` claim) that
-- started a connect. Meta's consent may end in any browser that holds the consent link; the
-- connection is completed only from the browser session that started it
-- (instagram-oauth-complete), so a link sent to someone else connects nothing.
-- Affects: public.oauth_states (one nullable column; rows from before carry none).

alter table public.oauth_states add column session_id uuid;
comment on column public.oauth_states.session_id is
  'auth.sessions id of the signed-in session that started the connect; completion must come from it.';
