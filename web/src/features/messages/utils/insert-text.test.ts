import { describe, expect, it } from "vitest";
import { insertText } from "@/features/messages/utils/insert-text.ts";

describe("insertText", () => {
  it("puts the snippet in an empty draft as it is", () => {
    expect(insertText("", "Hi {name}!", null)).toEqual({ text: "Hi {name}!", caret: 10 });
  });

  it("adds after what was written when there is no caret, a space between", () => {
    expect(insertText("Hey Liam,", "here is the link", null)).toEqual({
      text: "Hey Liam, here is the link",
      caret: 26,
    });
    expect(insertText("Hey Liam,\n", "here", null).text).toBe("Hey Liam,\nhere");
  });

  it("inserts at the caret, keeping the words on both sides apart", () => {
    const draft = "Hey Liam,thanks!";
    const at = draft.indexOf("thanks");
    expect(insertText(draft, "the link:", { start: at, end: at })).toEqual({
      text: "Hey Liam, the link: thanks!",
      caret: "Hey Liam, the link:".length,
    });
  });

  it("replaces a selection", () => {
    expect(insertText("Call me at NUMBER today", "555-0100", { start: 11, end: 17 })).toEqual({
      text: "Call me at 555-0100 today",
      caret: 19,
    });
  });

  it("takes a selection past the end of a draft that changed meanwhile as its end", () => {
    expect(insertText("Hi", "there", { start: 40, end: 45 }).text).toBe("Hi there");
  });
});
