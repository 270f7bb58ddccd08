import type { LeadSource, LeadStatus } from "@dm-desk/shared/schemas/enums";

export const LEAD_SOURCE_LABELS: Record<LeadSource, string> = {
  instagram_dm: "Instagram DM",
  manual: "Manual",
  website: "Website",
  referral: "Referral",
};

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: "New",
  contacted: "Contacted",
  qualified: "Qualified",
  interviewing: "Interviewing",
  hired: "Hired",
  lost: "Lost",
};
