import { describe, expect, it } from "vitest";
import { invitationLink, invitationTokenFromLink } from "@/utils/invitation-link.ts";

const TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJK-_0123";

describe("invitation links", () => {
  it("builds the SPA link and reads the token back from it", () => {
    const link = invitationLink("https://app.example.com", TOKEN);
    expect(link).toBe(`https://app.example.com/invite/${TOKEN}`);
    expect(invitationTokenFromLink(`  ${link}  `)).toBe(TOKEN);
    expect(invitationTokenFromLink(`${link}?utm=mail#x`)).toBe(TOKEN);
  });

  it("accepts a bare token and refuses anything incomplete", () => {
    expect(invitationTokenFromLink(TOKEN)).toBe(TOKEN);
    expect(invitationTokenFromLink(TOKEN.slice(0, 40))).toBeNull();
    expect(invitationTokenFromLink(`https://x.test/invite/${TOKEN.slice(0, 40)}`)).toBeNull();
    expect(invitationTokenFromLink("https://x.test/settings")).toBeNull();
    expect(invitationTokenFromLink("")).toBeNull();
  });
});
