import type {
  CreateTemplate,
  UpdateTemplate,
} from "../../../../shared/src/contracts/message-templates.ts";
import {
  type MessageTemplate,
  messageTemplateSchema,
} from "../../../../shared/src/schemas/message-template.ts";
import type { Tx } from "../db.ts";
import { HttpError } from "../http.ts";

/** message_templates' queries, inside `withUser`: RLS and the column grants decide. */

const COLUMNS = Object.keys(messageTemplateSchema.shape);
const toTemplate = (row: unknown): MessageTemplate =>
  messageTemplateSchema.parse(JSON.parse(JSON.stringify(row)));

export async function listTemplates(tx: Tx, imoId: string, category?: string) {
  const rows = await tx`
    select ${tx(COLUMNS)} from public.message_templates
    where imo_id = ${imoId} and deleted_at is null
      ${category ? tx`and category = ${category}` : tx``}
    order by category, lower(name)`;
  return rows.map(toTemplate);
}

export async function findTemplate(tx: Tx, id: string) {
  const [row] = await tx`
    select ${tx(COLUMNS)} from public.message_templates where id = ${id} and deleted_at is null`;
  if (!row) throw new HttpError(404, "template_not_found", "No such template");
  return toTemplate(row);
}

export async function insertTemplate(tx: Tx, input: CreateTemplate) {
  const [row] = await nameTaken(() =>
    tx`
    insert into public.message_templates (imo_id, name, content, category)
    values (${input.imo_id}, ${input.name}, ${input.content}, ${input.category})
    returning ${tx(COLUMNS)}`
  );
  return toTemplate(row);
}

export async function updateTemplate(tx: Tx, input: UpdateTemplate) {
  const changes = Object.fromEntries(
    (["name", "content", "category"] as const)
      .filter((key) => input[key] !== undefined)
      .map((key) => [key, input[key]]),
  );
  if (!Object.keys(changes).length) return await findTemplate(tx, input.id);
  const [row] = await nameTaken(() =>
    tx`
    update public.message_templates set ${tx(changes)}
    where id = ${input.id} and deleted_at is null
    returning ${tx(COLUMNS)}`
  );
  if (!row) throw new HttpError(404, "template_not_found", "No such template");
  return toTemplate(row);
}

/** Soft delete: scheduled messages and history keep pointing at it. */
export async function deleteTemplate(tx: Tx, id: string) {
  const [row] = await tx`
    update public.message_templates set deleted_at = now()
    where id = ${id} and deleted_at is null returning id`;
  if (!row) throw new HttpError(404, "template_not_found", "No such template");
}

async function nameTaken<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if ((error as { code?: string }).code === "23505") {
      throw new HttpError(409, "template_name_taken", "A template with this name already exists");
    }
    throw error;
  }
}
