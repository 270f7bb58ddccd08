import { describe, expect, it } from "vitest";
import { assignableRoles, canManageMember } from "@/features/members/utils/member-permissions.ts";

describe("member permissions", () => {
  it("owners manage everyone, admins everyone but owners, recruiters nobody", () => {
    expect(["owner", "admin", "recruiter"].map((r) => canManageMember("owner", r as never)))
      .toEqual([true, true, true]);
    expect(["owner", "admin", "recruiter"].map((r) => canManageMember("admin", r as never)))
      .toEqual([false, true, true]);
    expect(["owner", "admin", "recruiter"].map((r) => canManageMember("recruiter", r as never)))
      .toEqual([false, false, false]);
  });

  it("only owners make owners", () => {
    expect(assignableRoles("owner")).toEqual(["owner", "admin", "recruiter"]);
    expect(assignableRoles("admin")).toEqual(["admin", "recruiter"]);
    expect(assignableRoles("recruiter")).toEqual([]);
  });
});
