import { createRecruitingLeadsHandler } from "../_shared/leads/recruiting-leads.ts";

Deno.serve(createRecruitingLeadsHandler());
