import { describe, expect, it } from "vitest";
import { threadRowKey } from "@/features/messages/utils/thread-row-key.ts";

const QUESTION = "00000000-0000-4000-b000-000000000001";

describe("threadRowKey", () => {
  it("keeps a reply's key from sending to sent", () => {
    const clientId = "00000000-0000-4000-c000-000000000001";
    expect(threadRowKey({ id: "local-1", client_message_id: clientId })).toBe(
      threadRowKey({ id: "00000000-0000-4000-b000-000000000009", client_message_id: clientId }),
    );
  });

  it("tells the AI's reply from the message it answers, whose id is its client id", () => {
    const question = { id: QUESTION, client_message_id: null };
    const aiReply = { id: "00000000-0000-4000-b000-000000000002", client_message_id: QUESTION };
    expect(threadRowKey(aiReply)).not.toBe(threadRowKey(question));
  });
});
