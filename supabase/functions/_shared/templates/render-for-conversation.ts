import { splitDisplayName } from "../../../../shared/src/rules/person-name.ts";
import { renderTemplate } from "../../../../shared/src/rules/template-variables.ts";
import type { Tx } from "../db.ts";
import { HttpError } from "../http.ts";

/**
 * A template's text for one conversation: the contact's names and the caller's as recruiter (or
 * `recruiterId`'s, for automation sending on a member's behalf). Inside `withUser` (or
 * `asService` with a recruiter); the template must belong to the conversation's IMO.
 */
export async function renderForConversation(
  tx: Tx,
  content: string,
  conversation: { id: string },
  recruiterId?: string | null,
): Promise<string> {
  const [people] = await tx<
    { username: string | null; display_name: string | null; recruiter_name: string | null }[]
  >`
    select k.username, k.display_name, m.display_name as recruiter_name
    from public.conversations c
    join public.contacts k on k.id = c.contact_id
    left join public.imo_members m on m.imo_id = c.imo_id
      and m.user_id = coalesce(${recruiterId ?? null}::uuid, (select auth.uid()))
    where c.id = ${conversation.id}`;
  if (!people) throw new HttpError(404, "conversation_not_found", "No such conversation");
  try {
    return renderTemplate(content, {
      ...splitDisplayName(people.display_name),
      full_name: people.display_name,
      username: people.username,
      recruiter_name: people.recruiter_name,
    });
  } catch (error) {
    // saved templates are checked on save; this guards one written before a variable was removed
    throw new HttpError(422, "unknown_variable", (error as Error).message);
  }
}
