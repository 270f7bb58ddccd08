/**
 * Demo data for `npm start`: an Instagram Login account, two Facebook users for the Facebook
 * Login path (one whose Page has a linked Instagram account, one whose Page has none, so both a
 * full and a partial connect can be tried), and a few candidates who can DM the accounts.
 */
import { createAccount, createFacebookUser, createLead, createPage } from "./directory.ts";
import type { SandboxState } from "./sandbox-state.ts";

export const DEMO_ACCOUNT_ID = "17841400000000001";
/**
 * Its `/me` id and code-exchange `user_id`, fixed as Meta's are and equal to the external ids
 * supabase/seed.sql gives the demo row, so reconnecting it on every `npm start` adds no new ids.
 */
export const DEMO_ACCOUNT_ME_ID = "25000000000000001";
export const DEMO_ACCOUNT_TOKEN_USER_ID = "9100000000000001";
/** Fixed ids, so a connection made in one `npm start` is the same row after the next. */
export const DEMO_FACEBOOK = {
  userWithInstagram: "1000000000000001",
  pageWithInstagram: "100000000000001",
  linkedInstagramAccount: "17841400000000002",
  userWithoutInstagram: "1000000000000002",
  pageWithoutInstagram: "100000000000002",
} as const;

const DEMO_FIELDS = ["messages", "message_reactions", "messaging_seen", "messaging_postbacks"];

export function seedDemoData(state: SandboxState) {
  createAccount(state, {
    igAccountId: DEMO_ACCOUNT_ID,
    meId: DEMO_ACCOUNT_ME_ID,
    tokenUserId: DEMO_ACCOUNT_TOKEN_USER_ID,
    username: "northwind.careers",
    name: "Northwind Careers",
    loginPath: "instagram_login",
    followersCount: 8421,
    // Subscribed already, so a person can DM it from the sandbox page before connecting it; the
    // connect flow's own subscribed_apps call replaces this set.
    subscribedFields: DEMO_FIELDS,
  });
  seedFacebookLogin(state);
  const leads = [
    {
      username: "maya.okafor.dev",
      name: "Maya Okafor",
      followerCount: 1204,
      followsBusiness: true,
    },
    { username: "jonas.lindqvist", name: "Jonas Lindqvist", followerCount: 311 },
    { username: "priya.raman.pm", name: "Priya Raman", followerCount: 2890, verified: false },
    { username: "diego.fernandez.ux", name: "Diego Fernández", followerCount: 764 },
    { username: "amara.nwosu", name: "Amara Nwosu", followerCount: 95, followsBusiness: true },
  ];
  for (const lead of leads) createLead(state, lead);
}

/** The first Facebook user is the consent dialog's default choice: the one that connects fully. */
function seedFacebookLogin(state: SandboxState) {
  const ids = DEMO_FACEBOOK;
  const riley = createFacebookUser(state, "Riley Recruiter", ids.userWithInstagram);
  createAccount(state, {
    igAccountId: ids.linkedInstagramAccount,
    username: "northwind.talent",
    name: "Northwind Talent",
    loginPath: "facebook_login",
    followersCount: 3150,
    withPage: false,
  });
  const page = createPage(state, {
    id: ids.pageWithInstagram,
    name: "Northwind Talent",
    linkedIgAccountId: ids.linkedInstagramAccount,
    ownerUserId: riley.id,
  });
  page.subscribedFields = [...DEMO_FIELDS];
  const morgan = createFacebookUser(state, "Morgan Events", ids.userWithoutInstagram);
  createPage(state, {
    id: ids.pageWithoutInstagram,
    name: "Northwind Events",
    ownerUserId: morgan.id,
  });
}
