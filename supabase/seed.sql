-- Demo data for `npm start` and `supabase db reset` (never for production).
-- The demo login is public on purpose: demo@dmdesk.local / dmdesk-demo.

insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change
) values (
  '00000000-0000-0000-0000-000000000000', 'd0000000-0000-4000-8000-000000000001', 'authenticated',
  'authenticated', 'demo@dmdesk.local', extensions.crypt('dmdesk-demo', extensions.gen_salt('bf', 10)), now(),
  '{"provider": "email", "providers": ["email"]}', '{"full_name": "Dana Demo", "email_verified": true}',
  now(), now(), '', '', '', ''
);

insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
values (
  'd0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001',
  '{"sub": "d0000000-0000-4000-8000-000000000001", "email": "demo@dmdesk.local", "email_verified": false, "phone_verified": false}',
  'email', now(), now()
);
