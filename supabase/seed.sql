-- Demo data for `npm start` and `supabase db reset` (never for production).
-- The demo logins are public on purpose: demo@dmdesk.local (and owner@, riley@, sam@) / dmdesk-demo.
-- Every id is fixed; every time is relative to now(), so the messaging windows always show all
-- their states: open, closing soon (< 1 h left), closed but inside the 7-day human-agent horizon,
-- and long closed. Conversation list fields (last message, preview, unread count, windows) are
-- computed by the messages trigger, not written here.

-- users ----------------------------------------------------------------------------------------
-- d…1 Dana Demo (Northwind admin), d…2 Olivia Owner, d…3 Riley Recruiter, d…4 Sam (Solo Scout)
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change
)
select
  '00000000-0000-0000-0000-000000000000', u.id, 'authenticated',
  'authenticated', u.email, extensions.crypt('dmdesk-demo', extensions.gen_salt('bf', 10)), now(),
  '{"provider": "email", "providers": ["email"]}',
  jsonb_build_object('full_name', u.full_name, 'email_verified', true),
  now(), now(), '', '', '', ''
from (values
  ('d0000000-0000-4000-8000-000000000001'::uuid, 'demo@dmdesk.local', 'Dana Demo'),
  ('d0000000-0000-4000-8000-000000000002'::uuid, 'owner@dmdesk.local', 'Olivia Owner'),
  ('d0000000-0000-4000-8000-000000000003'::uuid, 'riley@dmdesk.local', 'Riley Recruiter'),
  ('d0000000-0000-4000-8000-000000000004'::uuid, 'sam@dmdesk.local', 'Sam Scout')
) as u (id, email, full_name);

insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
select
  u.id::text, u.id,
  jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', false, 'phone_verified', false),
  'email', now(), now()
from auth.users u
where u.id in (
  'd0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002',
  'd0000000-0000-4000-8000-000000000003', 'd0000000-0000-4000-8000-000000000004'
);

-- IMOs, members, plans -------------------------------------------------------------------------
insert into public.imos (id, name, slug) values
  ('a0000000-0000-4000-8000-000000000001', 'Northwind Recruiting', 'northwind'),
  ('a0000000-0000-4000-8000-000000000002', 'Solo Scout', 'solo-scout');

insert into public.imo_members (imo_id, user_id, role, display_name) values
  ('a0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002', 'owner', 'Olivia Owner'),
  ('a0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', 'admin', 'Dana Demo'),
  ('a0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000003', 'recruiter', 'Riley Recruiter'),
  ('a0000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000004', 'owner', 'Sam Scout');

insert into public.imo_subscriptions (imo_id, plan_code, status, current_period_end) values
  ('a0000000-0000-4000-8000-000000000001', 'team', 'active', now() + interval '20 days'),
  ('a0000000-0000-4000-8000-000000000002', 'free', 'active', null);

-- a sandbox Instagram account: no token in the repo, so sending from it fails until reconnected
insert into public.channel_accounts (
  id, imo_id, connected_by, platform, auth_path, external_account_id, external_ids, username,
  display_name, access_token_encrypted, token_key_id, token_expires_at, token_issued_at, scopes,
  status, last_webhook_at, connected_at
) values (
  'b0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001',
  'd0000000-0000-4000-8000-000000000001', 'instagram', 'instagram_login', '17841400000000001',
  '{25000000000000001,9100000000000001}', 'northwind.careers', 'Northwind Recruiting Careers',
  null, null, now() + interval '50 days', now() - interval '10 days',
  '{instagram_business_basic,instagram_business_manage_messages}',
  'connected', now() - interval '5 minutes', now() - interval '40 days'
);

-- threads: one contact and one conversation each (ids c0…n and cc…n) ---------------------------
create temporary table seed_who (who text primary key, id uuid not null);
insert into seed_who values
  ('dana', 'd0000000-0000-4000-8000-000000000001'),
  ('olivia', 'd0000000-0000-4000-8000-000000000002'),
  ('riley', 'd0000000-0000-4000-8000-000000000003'),
  ('sam', 'd0000000-0000-4000-8000-000000000004');

create temporary table seed_thread (
  n integer primary key, username text, display_name text, followers integer, assignee text,
  ai text, priority boolean, stage text, mark_read boolean
);
insert into seed_thread values
  -- open: the contact wrote minutes or hours ago
  (1, 'maria.gonzalez.fl', 'María González', 412, 'riley', 'off', true, 'qualifying', false),
  (2, 'jrod_hustles', 'José Rodríguez', 1893, 'dana', 'supervised', false, 'qualifying', false),
  (3, 'zoe.mueller', 'Zoë Müller', 657, null, 'supervised', false, 'new', false),
  (4, 'nguyen.thao.agent', 'Nguyễn Thảo', 238, null, 'off', false, 'new', false),
  (5, 'the.kwame.b', 'Kwame Boateng', 3021, 'riley', 'off', true, 'qualified', false),
  (6, 'sofia.reyes_', 'Sofía Reyes ✨', 8740, null, 'off', false, 'qualifying', true),
  (7, 'liam.obrien', 'Liam O''Brien', 15200, null, 'off', false, 'new', false),
  (8, 'aisha.benali', 'Aïsha Benali', 990, 'dana', 'off', false, 'qualifying', true),
  (9, 'marcus.lee.finance', 'Marcus Lee', 2104, 'riley', 'off', false, 'booked', false),
  (10, 'priya.sharma.ins', 'Priya Sharma', 760, 'dana', 'off', false, 'qualifying', false),
  (11, 'renee.lavoie', 'Renée 🌸', 5402, null, 'off', false, 'new', false),
  -- closing soon: the last inbound message was 23-23.9 hours ago
  (12, 'dmitri.volkov', 'Dmitri Volkov', 145, null, 'off', true, 'new', false),
  (13, 'chloe.tan', 'Chloé Tan', 1320, null, 'autopilot', false, 'qualifying', false),
  (14, 'big.mike.sells', 'Mike Johnson', 402, 'riley', 'off', false, 'new', false),
  (15, 'hannah_k', 'Hannah Kowalski', 2750, null, 'off', true, 'new', false),
  -- closed: 2-6 days, still inside the HUMAN_AGENT horizon
  (16, 'lukasz.nowak', 'Łukasz Nowak', 318, 'riley', 'off', false, 'qualifying', false),
  (17, 'tasha.williams', 'Tasha Williams', 1104, 'dana', 'off', false, 'qualifying', true),
  (18, 'soren.odegaard', 'Søren Ødegaard', 489, null, 'off', false, 'new', true),
  (19, 'ming.li.88', '李明 Ming Li', 2210, 'dana', 'off', true, 'qualified', false),
  (20, 'gabriel.santos', 'Gabriel Santos', 675, 'riley', 'off', false, 'qualified', true),
  (21, 'emily.chen.cfp', 'Emily Chen', 4380, null, 'off', true, 'qualifying', false),
  (22, 'andre.dubois', 'André Dubois', 233, null, 'off', false, 'new', true),
  (23, 'fatima.zahra', 'Fatima Zahra 🌙', 6120, 'dana', 'off', false, 'closed', true),
  -- long closed: more than 7 days ago
  (24, 'oliver.smith', 'Oliver Smith', 88, 'riley', 'off', false, 'closed', true),
  (25, 'isabella.rossi', 'Isabella Rossi', 1540, 'olivia', 'off', false, 'qualified', true),
  (26, 'noah.garcia', 'Noah García', 57, null, 'off', false, 'new', false),
  (27, 'ava.patel', 'Ava Patel', 930, 'dana', 'off', false, 'closed', true),
  (28, 'ethan.brown.biz', 'Ethan Brown', 1210, null, 'off', false, 'new', true),
  (29, 'sakura.tanaka', 'さくら Sakura Tanaka', 3470, 'riley', 'off', false, 'qualifying', true),
  (30, 'lucas.martin', 'Lucas Martin', 402, 'dana', 'off', false, 'closed', true);

-- who: in (the contact), dana/olivia/riley (members), auto (automation), ai, app (typed in the
-- Instagram app, seen as an echo). kind: text, story_reply, story_mention, ig_post, reel, and
-- image/audio/video (media messages with one attachment).
create temporary table seed_msg (n integer, ago interval, who text, kind text, body text);
insert into seed_msg values
  (1, '3 hours', 'in', 'text', 'Hi! I saw your ad about remote life insurance agent roles. Is it still open?'),
  (1, '2 hours 59 minutes', 'auto', 'text', 'Thanks for messaging Northwind Recruiting! 👋 A recruiter will reply shortly. Are you currently licensed?'),
  (1, '2 hours 50 minutes', 'in', 'text', 'Not yet, I''m studying for the 2-15 in Florida'),
  (1, '2 hours 10 minutes', 'riley', 'text', 'That''s great! We reimburse the exam fee once you pass. Want to hop on a 15-min call this week?'),
  (1, '25 minutes', 'in', 'text', 'Yes please! Thursday afternoon works for me'),
  (2, '5 hours', 'in', 'text', 'what''s the commission split for new agents?'),
  (2, '4 hours 30 minutes', 'dana', 'text', 'Hi José! New agents start at 70% commission and step up with production. Have you sold insurance before?'),
  (2, '4 hours', 'in', 'text', '3 yrs in P&C, want to switch to life'),
  (2, '12 minutes', 'in', 'text', 'also is there a base salary or is it 100% commission? 🤔'),
  (3, '9 hours', 'in', 'text', 'Hallo! Is part-time possible? I work mornings at a clinic'),
  (3, '8 hours', 'ai', 'text', 'Yes! Many of our agents start part-time, evenings and weekends. Which state are you in?'),
  (3, '7 hours 45 minutes', 'in', 'text', 'Ohio 🙂'),
  (3, '7 hours', 'dana', 'text', 'Perfect, we have a team lead in Columbus. I''ll send over our onboarding overview today.'),
  (4, '40 minutes', 'in', 'audio', null),
  (4, '38 minutes', 'in', 'text', 'sorry, voice notes are easier for me 😅 basically: do you sponsor licensing in Texas?'),
  (5, '1 hour 30 minutes', 'in', 'text', 'I PASSED MY EXAM!! 🎉🎉'),
  (5, '1 hour 29 minutes', 'in', 'image', null),
  (5, '1 hour', 'riley', 'text', 'Congrats Kwame!!! 🎉 Next step is carrier contracting, I''m emailing you the link now.'),
  (5, '50 minutes', 'in', 'text', '🙏🙏'),
  (6, '6 hours', 'in', 'story_reply', 'Is this the team event in Miami? I''d love to come 😍'),
  (6, '5 hours', 'app', 'text', 'Yes! Sunday 2pm at our Brickell office, come by'),
  (6, '4 hours', 'in', 'text', 'Amazing, see you there!'),
  (7, '11 hours', 'in', 'reel', null),
  (7, '10 hours 59 minutes', 'in', 'text', 'is this what a day in the life looks like at Northwind? lol'),
  (7, '10 hours', 'olivia', 'text', 'Ha, pretty close! Minus the yacht 😄 Want to hear more about the role?'),
  (7, '2 hours', 'in', 'text', 'Yes. How long is training before I can start selling?'),
  (8, '15 hours', 'in', 'text', 'Bonjour! I''m licensed in Québec, can I work with you in the US?'),
  (8, '14 hours', 'dana', 'text', 'Hi Aïsha! You would need a US license in the state where you live. Where are you based now?'),
  (8, '13 hours', 'in', 'text', 'Moving to Vermont next month'),
  (9, '18 hours', 'in', 'text', 'Can we move my interview to Friday?'),
  (9, '17 hours', 'riley', 'text', 'Of course! Friday 11am or 3pm ET?'),
  (9, '16 hours 30 minutes', 'in', 'text', '3pm 👍'),
  (9, '16 hours', 'riley', 'text', 'Booked ✅ Calendar invite is on its way.'),
  (10, '20 minutes', 'in', 'ig_post', null),
  (10, '19 minutes', 'in', 'text', 'Saw this post about your bonus program. What do I need to qualify?'),
  (10, '5 minutes', 'dana', 'text', 'Hi Priya! The fast-start bonus kicks in after 90 days with $10k in submitted premium. Happy to walk you through it.'),
  (11, '2 hours', 'in', 'story_mention', null),
  (12, '23 hours 50 minutes', 'in', 'text', 'Do you hire people without a college degree?'),
  (13, '1 day 2 hours', 'in', 'text', 'hi'),
  (13, '23 hours 40 minutes', 'in', 'text', 'I''m interested in a recruiting coordinator role (not sales). Do you have those?'),
  (13, '23 hours 39 minutes', 'ai', 'text', 'We do! Our recruiting coordinators support agents with onboarding and scheduling. Want me to share the job description?'),
  (14, '23 hours 20 minutes', 'in', 'text', 'How many hours a week do your agents actually work?'),
  (15, '23 hours 5 minutes', 'in', 'story_reply', 'Wait, is commission really paid weekly??'),
  (16, '2 days 4 hours', 'in', 'text', 'Hey, what''s the exam pass rate for your recruits?'),
  (16, '2 days 3 hours', 'riley', 'text', 'About 80% pass on the first try with our study program 📚'),
  (16, '2 days 1 hour', 'in', 'text', 'nice. how much does the pre-licensing course cost?'),
  (17, '3 days', 'in', 'text', 'Are you hiring in Georgia?'),
  (17, '2 days 23 hours 50 minutes', 'dana', 'text', 'Yes! Atlanta and Savannah. Are you licensed yet?'),
  (17, '2 days 22 hours', 'in', 'text', 'Not yet, where do I start?'),
  (17, '2 days 21 hours', 'dana', 'text', 'Here is our step-by-step licensing guide: https://northwind.example/licensing. We reimburse your exam fee once you pass. Reply here with any questions!'),
  (18, '3 days 5 hours', 'in', 'text', 'Hej! Do you have a Nordic team? 😄'),
  (18, '3 days 4 hours', 'olivia', 'text', 'Not yet! But our agents work remotely across 30 states.'),
  (19, '4 days', 'in', 'text', '你好! Do you have Mandarin-speaking clients?'),
  (19, '3 days 23 hours', 'dana', 'text', 'We do! Our Bay Area team serves many Mandarin-speaking families 🙌'),
  (19, '3 days 20 hours', 'in', 'text', 'Great, I''m in San José. Licensed since 2021.'),
  (20, '5 days', 'in', 'video', null),
  (20, '4 days 23 hours 59 minutes', 'in', 'text', 'my intro video for the application 🎬'),
  (20, '4 days 22 hours', 'riley', 'text', 'Love it, thanks Gabriel! Passing it to our hiring manager.'),
  (21, '5 days 6 hours', 'in', 'text', 'Is there a non-compete if I leave later?'),
  (22, '6 days', 'in', 'text', 'Do you offer health insurance for agents?'),
  (22, '5 days 23 hours 59 minutes', 'auto', 'text', 'Thanks for your message! A recruiter will get back to you soon.'),
  (22, '5 days 20 hours', 'in', 'text', 'ok merci'),
  (23, '2 days 10 hours', 'in', 'story_mention', null),
  (23, '2 days 9 hours', 'in', 'text', 'Tagged you in my story about my first month 🙌'),
  (23, '2 days 8 hours', 'dana', 'text', 'Thank you Fatima! So proud of you 💙'),
  (24, '12 days', 'in', 'text', 'Interested in the summer internship!'),
  (24, '11 days 23 hours', 'riley', 'text', 'The summer program is full, but we''ll keep you posted for fall!'),
  (25, '9 days', 'in', 'text', 'What''s the average first-year income?'),
  (25, '8 days 23 hours', 'olivia', 'text', 'It varies: full-time agents typically earn $45k–$80k in year one. Want the breakdown?'),
  (25, '8 days 20 hours', 'in', 'text', 'sure!'),
  (25, '8 days 19 hours', 'olivia', 'text', 'Sent it to your email 📩'),
  (26, '15 days', 'in', 'text', 'hello? is anyone there'),
  (27, '20 days', 'in', 'text', 'Signed my contract today! 🎉'),
  (27, '19 days 23 hours', 'dana', 'text', 'Welcome to the team, Ava!! 🥳'),
  (28, '10 days', 'in', 'reel', null),
  (29, '8 days 2 hours', 'in', 'text', 'Do you have Japanese-speaking agents in Hawaii? 🌺'),
  (29, '8 days 1 hour', 'riley', 'text', 'Yes, two on our Honolulu team! I''ll introduce you.'),
  (30, '30 days', 'in', 'text', 'Not interested anymore, thanks'),
  (30, '29 days 23 hours', 'dana', 'text', 'No problem, Lucas. Best of luck! 🙏');

insert into public.contacts (
  id, imo_id, channel_account_id, external_id, username, display_name, follower_count, is_verified,
  is_user_follow_business, is_business_follow_user, profile_fetched_at, is_priority, created_at
)
select
  format('c0000000-0000-4000-8000-%s', lpad(t.n::text, 12, '0'))::uuid,
  'a0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
  (9700000000000000 + t.n)::text, t.username, t.display_name, t.followers, t.followers > 10000,
  t.n % 3 <> 0, t.n % 4 = 0, f.at + interval '2 seconds', t.priority, f.at
from seed_thread t
cross join lateral (select now() - max(m.ago) as at from seed_msg m where m.n = t.n) as f;

insert into public.conversations (
  id, imo_id, channel_account_id, contact_id, external_conversation_id, is_priority, assigned_to,
  ai_mode, qualification_state, created_at
)
select
  format('cc000000-0000-4000-8000-%s', lpad(t.n::text, 12, '0'))::uuid,
  c.imo_id, c.channel_account_id, c.id, 'aWdfVGhyZWFkfake' || lpad(t.n::text, 4, '0'),
  t.priority, w.id, t.ai::public.ai_mode, t.stage::public.qualification_state, c.created_at
from seed_thread t
join public.contacts c on c.id = format('c0000000-0000-4000-8000-%s', lpad(t.n::text, 12, '0'))::uuid
left join seed_who w on w.who = t.assignee;

-- the contact in thread 1 came from a click-to-message ad
update public.conversations set
  lead_source_type = 'ADS', lead_source_ref = 'spring-hiring-fl', lead_source_ad_id = '120210000000000001',
  lead_source_referral = '{"source": "ADS", "type": "OPEN_THREAD", "ref": "spring-hiring-fl",
    "ad_id": "120210000000000001", "ads_context_data": {"ad_title": "Now hiring: remote life insurance agents",
    "photo_url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17900000000000900&signature=demo"}}',
  lead_source_at = created_at
where id = 'cc000000-0000-4000-8000-000000000001';

-- messages, oldest first, so the trigger moves each conversation as live ingestion would
insert into public.messages (
  id, imo_id, channel_account_id, conversation_id, external_id, direction, author_kind,
  author_user_id, type, text, attachments, reply_to_story, status, sent_at, delivered_at, read_at,
  created_at, ai_review
)
select
  format('e0000000-0000-4000-8000-%s', lpad(m.i::text, 12, '0'))::uuid,
  'a0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
  format('cc000000-0000-4000-8000-%s', lpad(m.n::text, 12, '0'))::uuid,
  'aWdfZAG1fakeTWlkOjE3ODQx' || lpad(m.i::text, 6, '0'),
  (case when m.who = 'in' then 'inbound' else 'outbound' end)::public.message_direction,
  (case m.who when 'in' then 'contact' when 'auto' then 'automation' when 'ai' then 'ai'
    when 'app' then 'native_app' else 'user' end)::public.message_author_kind,
  w.id,
  (case when m.kind in ('image', 'audio', 'video') then 'media' else m.kind end)::public.message_type,
  m.body,
  case when m.kind in ('text', 'story_reply') then '[]'::jsonb
    else jsonb_build_array(jsonb_build_object('type', m.kind, 'url', case m.kind
      when 'ig_post' then 'https://www.instagram.com/p/CdmDesk' || m.i || '/'
      when 'reel' then 'https://www.instagram.com/reel/CdmDesk' || m.i || '/'
      else 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=179000000000' || lpad(m.i::text, 5, '0')
        || '&signature=demo' end)) end,
  case when m.kind = 'story_reply' then jsonb_build_object('id', '179100000000' || lpad(m.i::text, 5, '0'),
    'url', 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=179100000000' || lpad(m.i::text, 5, '0')
      || '&signature=demo') end,
  m.status::public.message_status,
  now() - m.ago,
  case when m.status in ('delivered', 'read') then now() - m.ago + interval '2 seconds' end,
  case when m.status = 'read' then least(now() - m.last_in_ago, now() - m.ago + interval '1 minute') end,
  now() - m.ago,
  -- the demo's AI replies went out on autopilot
  case when m.who = 'ai' then 'autopilot' end
from (
  select s.*,
    case when s.who = 'in' then 'sent' when s.ago > last_in_ago then 'read'
      when s.ago < interval '15 minutes' then 'sent' else 'delivered' end as status
  from (
    select s.*, row_number() over (order by s.ago desc, s.n) as i,
      min(s.ago) filter (where s.who = 'in') over (partition by s.n) as last_in_ago
    from seed_msg s
  ) as s
) as m
left join seed_who w on w.who = m.who
order by m.i;

update public.messages set reactions = jsonb_build_array(jsonb_build_object(
  'by', 'contact', 'reaction', 'love', 'emoji', '❤️', 'at', sent_at + interval '3 minutes'))
where id in (select id from public.messages
  where direction = 'outbound' and text in (
    'Welcome to the team, Ava!! 🥳', 'Thank you Fatima! So proud of you 💙'));

-- read state: a reply means the recruiter read what came before it; some threads are read through
update public.conversations c set
  unread_count = case when r.mark_read then 0 else r.unread end,
  last_read_at = case when r.mark_read then least(now(), c.last_message_at + interval '5 minutes')
    else r.last_out end
from (
  select o.id, o.mark_read, o.last_out, count(*) filter (
    where m.direction = 'inbound' and m.sent_at > coalesce(o.last_out, '-infinity')) as unread
  from (
    select cv.id, t.mark_read, (select max(x.sent_at) from public.messages x
      where x.conversation_id = cv.id and x.direction = 'outbound') as last_out
    from seed_thread t
    join public.conversations cv
      on cv.id = format('cc000000-0000-4000-8000-%s', lpad(t.n::text, 12, '0'))::uuid
  ) as o
  join public.messages m on m.conversation_id = o.id
  group by o.id, o.mark_read, o.last_out
) as r
where c.id = r.id;

-- recruiting pipeline: leads from DMs (linked both ways) and from elsewhere ---------------------
insert into public.recruiting_leads (
  id, imo_id, full_name, email, phone, instagram_username, lead_source, status, notes,
  owner_user_id, created_by, conversation_id, created_at
)
select
  format('1e000000-0000-4000-8000-%s', lpad(l.n::text, 12, '0'))::uuid,
  (case when l.owner = 'sam' then 'a0000000-0000-4000-8000-000000000002'
    else 'a0000000-0000-4000-8000-000000000001' end)::uuid, l.full_name,
  l.email, l.phone, l.ig, l.source::public.lead_source, l.status::public.lead_status, l.notes,
  w.id, coalesce(w.id, 'd0000000-0000-4000-8000-000000000001'),
  case when l.thread is not null
    then format('cc000000-0000-4000-8000-%s', lpad(l.thread::text, 12, '0'))::uuid end,
  now() - l.ago
from (values
  (1, 1, 'María González', null, null, 'maria.gonzalez.fl', 'instagram_dm', 'contacted', 'Studying for the FL 2-15; call Thursday pm.', 'riley', interval '2 hours'),
  (2, 5, 'Kwame Boateng', 'kwame.b@example.com', null, 'the.kwame.b', 'instagram_dm', 'qualified', 'Passed the exam, contracting link sent.', 'riley', interval '1 hour'),
  (3, 9, 'Marcus Lee', 'marcus.lee@example.com', '+1 404 555 0134', 'marcus.lee.finance', 'instagram_dm', 'interviewing', 'Interview Friday 3pm ET.', 'riley', interval '17 hours'),
  (4, 19, 'Ming Li (李明)', null, null, 'ming.li.88', 'instagram_dm', 'qualified', 'Licensed CA since 2021; Mandarin. Bay Area team.', 'dana', interval '3 days 20 hours'),
  (5, 27, 'Ava Patel', 'ava.patel@example.com', '+1 312 555 0188', 'ava.patel', 'instagram_dm', 'hired', null, 'dana', interval '25 days'),
  (6, null, 'Jordan Blake', null, '+1 615 555 0101', null, 'manual', 'contacted', 'Met at the Nashville career fair.', 'riley', interval '6 days'),
  (7, null, 'Priyanka Rao', 'priyanka.rao@example.com', null, null, 'website', 'new', 'Careers page form: interested in part-time.', null, interval '1 day'),
  (8, null, 'Tom Becker', 'tom.becker@example.com', null, null, 'referral', 'interviewing', 'Referred by Ava Patel.', 'dana', interval '9 days'),
  (9, null, 'Chris Doe', 'chris.doe@example.com', null, null, 'manual', 'new', null, 'sam', interval '3 days')
) as l (n, thread, full_name, email, phone, ig, source, status, notes, owner, ago)
left join seed_who w on w.who = l.owner;

update public.conversations c set recruiting_lead_id = l.id
from public.recruiting_leads l where l.conversation_id = c.id;
update public.contacts ct set recruiting_lead_id = c.recruiting_lead_id
from public.conversations c where c.contact_id = ct.id and c.recruiting_lead_id is not null;

-- templates and scheduled messages ---------------------------------------------------------------
insert into public.message_templates (id, imo_id, name, content, category, use_count, created_by) values
  ('7e000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 'Welcome',
    'Hi there! 👋 Thanks for reaching out to Northwind Recruiting. Are you already licensed, or just getting started? Either way, we would love to hear what you are looking for.',
    'greeting', 42, 'd0000000-0000-4000-8000-000000000002'),
  ('7e000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001', 'Ad reply',
    'Thanks for messaging us about our hiring ad! We are growing our remote life and health team. Which state are you in, and are you looking for full-time or part-time?',
    'greeting', 17, 'd0000000-0000-4000-8000-000000000001'),
  ('7e000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001', 'Licensing guide',
    'Here is our step-by-step licensing guide: https://northwind.example/licensing. We reimburse your exam fee once you pass. Reply here with any questions!',
    'follow_up', 23, 'd0000000-0000-4000-8000-000000000001'),
  ('7e000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000001', 'Checking in',
    'Hi! Just checking in: are you still interested in joining Northwind? Happy to answer anything about training, commission or schedules.',
    'follow_up', 9, 'd0000000-0000-4000-8000-000000000001'),
  ('7e000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000001', 'Book an intro call',
    'Let''s set up a quick 15-minute intro call with a recruiter. Does Tuesday or Thursday afternoon work? You can also pick any time here: https://northwind.example/book',
    'scheduling', 31, 'd0000000-0000-4000-8000-000000000002');

-- two pending inside open windows, one expired (window closed first), one sent
insert into public.scheduled_messages (
  id, imo_id, channel_account_id, conversation_id, created_by, template_id, text, scheduled_for,
  window_expires_at, status, attempts, last_error, sent_message_id, sent_at, created_at
)
select
  format('5c000000-0000-4000-8000-%s', lpad(s.n::text, 12, '0'))::uuid, c.imo_id, c.channel_account_id,
  c.id, w.id, t.id, coalesce(s.body, t.content), now() + s.due, c.can_reply_until,
  s.status::public.scheduled_message_status, s.attempts, s.last_error, sent.id, sent.sent_at,
  now() - s.made
from (values
  (1, 2, 'dana', null, 'Quick follow-up on base salary: there is no base, but new agents get a $1,500 training stipend in month one.', interval '2 hours', interval '10 minutes', 'pending', 0, null),
  (2, 5, 'riley', 5, null, interval '4 hours', interval '55 minutes', 'pending', 0, null),
  (3, 21, 'riley', 4, null, interval '-4 days', interval '5 days', 'expired', 1, 'The 24-hour messaging window closed before the scheduled time.'),
  (4, 17, 'dana', 3, null, interval '-2 days -21 hours', interval '2 days 22 hours', 'sent', 1, null)
) as s (n, thread, who, template, body, due, made, status, attempts, last_error)
left join public.message_templates t
  on t.id = ('7e000000-0000-4000-8000-' || lpad(s.template::text, 12, '0'))::uuid
join public.conversations c on c.id = format('cc000000-0000-4000-8000-%s', lpad(s.thread::text, 12, '0'))::uuid
join seed_who w on w.who = s.who
left join lateral (
  select m.id, m.text, m.sent_at from public.messages m
  where s.status = 'sent' and m.conversation_id = c.id and m.author_user_id = w.id
  order by m.sent_at desc limit 1
) as sent on true;

-- usage: what the last week of messages counted, per UTC day --------------------------------------
insert into public.usage_counters (imo_id, metric, period_start, count, updated_at)
select imo_id, metric, (sent_at at time zone 'utc')::date, count(*), max(sent_at)
from (
  select imo_id, sent_at, case when direction = 'inbound' then 'messages_received'
    when author_kind = 'ai' then 'ai_replies' else 'messages_sent' end as metric
  from public.messages
  where sent_at > now() - interval '7 days' and author_kind <> 'native_app'
) as counted
group by imo_id, metric, (sent_at at time zone 'utc')::date
-- the messages trigger counted every seeded inbound message today; the history spreads them out
on conflict (imo_id, metric, period_start) do update
  set count = excluded.count, updated_at = excluded.updated_at;

drop table seed_msg, seed_thread, seed_who;
