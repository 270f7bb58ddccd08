import type postgres from "postgres";
import type { IdentityRow, UserRow } from "./user-json.ts";

type Sql = postgres.Sql | postgres.TransactionSql;

const USER_COLUMNS =
  `id, aud, role, email, phone, email_confirmed_at, phone_confirmed_at, confirmed_at,
  last_sign_in_at, raw_app_meta_data, raw_user_meta_data, banned_until, created_at, updated_at,
  is_anonymous`;

export async function findUserById(sql: Sql, id: string): Promise<UserRow | undefined> {
  const [user] = await sql.unsafe<UserRow[]>(
    `select ${USER_COLUMNS} from auth.users where id = $1 and deleted_at is null`,
    [id],
  );
  return user;
}

export async function findUserByEmail(sql: Sql, email: string): Promise<UserRow | undefined> {
  const [user] = await sql.unsafe<UserRow[]>(
    `select ${USER_COLUMNS}, encrypted_password from auth.users
     where lower(email) = lower($1) and is_sso_user = false and deleted_at is null`,
    [email],
  );
  return user;
}

/** bcrypt through pgcrypto: the same `$2a$` hashes GoTrue writes and checks. */
export async function passwordMatches(sql: Sql, userId: string, password: string) {
  const [row] = await sql<{ ok: boolean }[]>`
    select encrypted_password is not null and encrypted_password <> ''
      and encrypted_password = extensions.crypt(${password}, encrypted_password) as ok
    from auth.users where id = ${userId}`;
  return row?.ok === true;
}

export function findIdentities(sql: Sql, userId: string) {
  return sql<IdentityRow[]>`
    select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
    from auth.identities where user_id = ${userId} order by created_at`;
}

/**
 * Signup with autoconfirm, as GoTrue does it (signup.go): the user row with email provider
 * metadata, the email identity holding the values at creation, then confirmation.
 */
export async function createEmailUser(
  sql: postgres.TransactionSql,
  input: { email: string; password: string; data: Record<string, unknown>; autoconfirm: boolean },
): Promise<UserRow> {
  const id = crypto.randomUUID();
  const email = input.email.toLowerCase();
  const userMetadata = input.autoconfirm ? { ...input.data, email_verified: true } : input.data;
  const [user] = await sql<UserRow[]>`
    insert into auth.users (
      instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
      raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
      confirmation_token, recovery_token, email_change_token_new, email_change
    ) values (
      '00000000-0000-0000-0000-000000000000', ${id}, 'authenticated', 'authenticated', ${email},
      extensions.crypt(${input.password}, extensions.gen_salt('bf', 10)),
      ${input.autoconfirm ? sql`now()` : null},
      ${sql.json({ provider: "email", providers: ["email"] })}, ${
    sql.json(userMetadata as postgres.JSONValue)
  },
      now(), now(), '', '', '', ''
    ) returning ${sql.unsafe(USER_COLUMNS)}`;
  const identityData = {
    ...input.data,
    sub: id,
    email,
    email_verified: false,
    phone_verified: false,
  };
  await sql`
    insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
    values (${id}, ${id}, ${sql.json(identityData as postgres.JSONValue)}, 'email', now(), now())`;
  return user!;
}
