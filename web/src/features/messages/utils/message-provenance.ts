import type { ThreadMessage } from "@dm-desk/shared/contracts/inbox-messages";

/** Who sent an outbound message, as the thread names it under the bubble. */
export function provenanceOf(
  author: ThreadMessage["author"],
  viewerId: string,
): string | null {
  switch (author.kind) {
    case "user":
      return author.user_id === viewerId ? "You" : author.display_name ?? "A teammate";
    case "ai": {
      // issue 13: every message the AI sends says how it left, and who let it
      const person = author.user_id === viewerId ? "you" : author.display_name ?? "a teammate";
      if (author.ai_review === "approved") return `AI, approved by ${person}`;
      if (author.ai_review === "edited") return `AI, edited by ${person}`;
      if (author.ai_review === "autopilot") return "AI, autopilot";
      return "AI assistant";
    }
    case "automation":
      // a scheduled message names who scheduled it, when a person did
      if (author.automation?.rule === "scheduled_message") {
        return author.user_id === viewerId
          ? "Scheduled by you"
          : author.display_name
          ? `Scheduled by ${author.display_name}`
          : "Scheduled message";
      }
      if (author.automation?.rule === "auto_reminder") return "Automatic reminder";
      if (author.automation?.rule === "comment_rule") {
        return "Keyword rule, private reply to a comment";
      }
      return "Automation";
    case "native_app":
      return "Sent from the Instagram app";
    default:
      return null;
  }
}
