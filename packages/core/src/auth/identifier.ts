import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { users } from '../schema/tenancy.js';

/** What a person types to sign in: an email address or a phone number. */
export type Identifier = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

/**
 * Reads a typed sign-in identifier: anything with an `@` is an email (lower-cased);
 * otherwise spaces, dashes, dots and brackets are dropped from a phone number,
 * and a leading `00` becomes `+` (users are stored in E.164).
 *
 * @example
 * parseIdentifier(' Lupita@Example.com '); // { kind: 'email', value: 'lupita@example.com' }
 * parseIdentifier('+52 1 415 123-4567');    // { kind: 'phone', value: '+5214151234567' }
 */
export function parseIdentifier(raw: string): Identifier {
  const trimmed = raw.trim();
  if (trimmed.includes('@')) return { kind: 'email', value: trimmed.toLowerCase() };
  let phone = trimmed.replace(/[\s\-().]/g, '');
  if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
  return { kind: 'phone', value: phone };
}

/** The enabled user an identifier names, with the columns sign-in needs. */
export async function findUserByIdentifier(db: Db, identifier: Identifier) {
  const column = identifier.kind === 'email' ? users.email : users.phone;
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(column, identifier.value), isNull(users.disabledAt)));
  return row;
}
