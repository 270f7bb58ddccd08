import { z } from "zod";

/** Instagram's limit for a comment: 2,200 characters (docs/meta-platform.md §9 "Replies"). */
export const MAX_COMMENT_CHARACTERS = 2200;

/** The text of a public reply: not blank, at most 2,200 characters (code points, as Instagram counts). */
export const commentTextSchema = z.string().superRefine((text, ctx) => {
  if (text.trim() === "") {
    ctx.addIssue({ code: "custom", message: "A reply cannot be empty." });
    return;
  }
  const characters = [...text].length;
  if (characters > MAX_COMMENT_CHARACTERS) {
    ctx.addIssue({
      code: "custom",
      message:
        `Reply is too long: ${characters} characters, Instagram allows ${MAX_COMMENT_CHARACTERS}.`,
    });
  }
});
