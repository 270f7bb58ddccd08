/** The demo IMO and its admin's login, as supabase/seed.sql writes them (the demos of npm start). */
export const DEMO_IMO = "a0000000-0000-4000-8000-000000000001";
export const DEMO_LOGIN = { email: "demo@dmdesk.local", password: "dmdesk-demo" };
