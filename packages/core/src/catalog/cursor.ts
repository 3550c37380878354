import { z } from 'zod';
import { AldeaError } from '../errors.js';

/**
 * Keyset cursors: where the previous page stopped, as an opaque base64url
 * string. A listing cursor holds the last product's `(createdAt, id)`; a
 * search cursor also holds its match tier. Anything that does not decode to
 * exactly that shape is a VALIDATION error on `cursor`.
 */

const ProductId = z.string().regex(/^prod_[0-9a-z]{10,40}$/);
const Millis = z.number().int().min(0).max(8_640_000_000_000_000);

const ListCursor = z.strictObject({ k: z.literal('l'), c: Millis, i: ProductId });
const SearchCursor = z.strictObject({
  k: z.literal('s'),
  t: z.number().int().min(0).max(1),
  c: Millis,
  i: ProductId,
});

/** Position after the last product of a listing page. */
export interface ListPosition {
  createdAt: number;
  id: string;
}

/** Position after the last product of a search page (tier 0: title match). */
export interface SearchPosition extends ListPosition {
  tier: number;
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decode<S extends z.ZodType>(schema: S, cursor: string): z.output<S> {
  let json: unknown;
  try {
    if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new AldeaError('VALIDATION', 'invalid cursor: start again from the first page', [
      { path: 'cursor', message: 'not a cursor this listing gave out', code: 'cursor' },
    ]);
  }
  return parsed.data;
}

/** Encodes a listing position. */
export function encodeListCursor(p: ListPosition): string {
  return encode({ k: 'l', c: p.createdAt, i: p.id });
}

/** Decodes a listing cursor; throws VALIDATION on anything else. */
export function decodeListCursor(cursor: string): ListPosition {
  const v = decode(ListCursor, cursor);
  return { createdAt: v.c, id: v.i };
}

/** Encodes a search position. */
export function encodeSearchCursor(p: SearchPosition): string {
  return encode({ k: 's', t: p.tier, c: p.createdAt, i: p.id });
}

/** Decodes a search cursor; throws VALIDATION on anything else. */
export function decodeSearchCursor(cursor: string): SearchPosition {
  const v = decode(SearchCursor, cursor);
  return { tier: v.t, createdAt: v.c, id: v.i };
}
