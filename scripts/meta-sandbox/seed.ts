/** Demo data for `npm start`: one Instagram-Login account and a few candidates who can DM it. */
import { createAccount, createLead } from "./directory.ts";
import type { SandboxState } from "./sandbox-state.ts";

export const DEMO_ACCOUNT_ID = "17841400000000001";

export function seedDemoData(state: SandboxState) {
  createAccount(state, {
    igAccountId: DEMO_ACCOUNT_ID,
    username: "northwind.careers",
    name: "Northwind Careers",
    loginPath: "instagram_login",
    followersCount: 8421,
    // Subscribed already, so a person can DM it from the sandbox page before connecting it; the
    // connect flow's own subscribed_apps call replaces this set.
    subscribedFields: ["messages", "message_reactions", "messaging_seen", "messaging_postbacks"],
  });
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
