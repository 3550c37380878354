import { randomBytes, randomFillSync } from 'node:crypto';

/** Every id prefix in use. An id in a log says what it is: `prod_…`, `ord_…`. */
export const ID_PREFIXES = {
  village: 'vil',
  shop: 'shop',
  user: 'usr',
  product: 'prod',
  variant: 'var',
  option: 'opt',
  optionValue: 'optv',
  image: 'img',
  collection: 'col',
  media: 'med',
  job: 'job',
  fxRate: 'fx',
  quote: 'quo',
  cart: 'cart',
  cartLine: 'cli',
  checkout: 'chk',
  order: 'ord',
  orderLine: 'oli',
  payment: 'pay',
  refund: 'ref',
  reservation: 'rsv',
  webhookEvent: 'whe',
  shippingZone: 'shz',
  shippingRate: 'shr',
  invitation: 'inv',
  cohort: 'coh',
  template: 'tpl',
  audit: 'aud',
  outbox: 'obx',
  session: 'ses',
  apiToken: 'tok',
  import: 'imp',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

// Crockford base32, lower case: no ambiguous letters, URL-safe, sorts by time prefix.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function encodeTime(ms: number): string {
  let out = '';
  let n = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return out;
}

// One native randomBytes call per id is measurable when an order makes six ids
// and two secrets: random bytes are drawn 4 KB at a time instead, from the same
// CSPRNG, each byte handed out once.
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

/** The offset of `bytes` fresh random bytes in `pool`, refilling it when it runs short. */
function take(bytes: number): number {
  if (poolAt + bytes > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const at = poolAt;
  poolAt += bytes;
  return at;
}

/** `n` (≤ 4096) cryptographically random bytes, a copy of the pool's next ones. */
export function randomPoolBytes(n: number): Buffer {
  if (n > pool.length) return randomBytes(n);
  const at = take(n);
  return Buffer.from(pool.subarray(at, at + n));
}

const RANDOM_CHARS = 16;

/** The random part of the last id, as base32 digit values, and the time it was made at. */
let lastTime = -1;
const lastRandom: number[] = new Array(RANDOM_CHARS).fill(0);

function freshRandom(): void {
  const at = take(RANDOM_CHARS);
  for (let i = 0; i < RANDOM_CHARS; i++) lastRandom[i] = pool[at + i]! % 32;
}

/** Adds one to the random part (base 32, carrying); false when it overflowed. */
function incrementRandom(): boolean {
  for (let i = RANDOM_CHARS - 1; i >= 0; i--) {
    if (lastRandom[i]! < 31) {
      lastRandom[i]! += 1;
      return true;
    }
    lastRandom[i] = 0;
  }
  return false;
}

/**
 * Makes a new id of the given kind: prefix, a time part and 16 random base32
 * characters (80 bits). Ids made in the same millisecond (a 30-row import, a
 * test's fixed clock) take the previous random part plus one, as monotonic
 * ULIDs do: within a process, ids sort in the order they were made, so lists
 * ordered by (created_at, id) keep insertion order instead of a coin toss.
 *
 * @example
 * newId('product'); // 'prod_01jd3k8w2x9m4q7rtv5bz6c8ha'
 */
export function newId(kind: IdKind, now: number = Date.now()): string {
  if (now !== lastTime || !incrementRandom()) freshRandom();
  lastTime = now;
  let random = '';
  for (let i = 0; i < RANDOM_CHARS; i++) random += ALPHABET[lastRandom[i]!];
  return `${ID_PREFIXES[kind]}_${encodeTime(now)}${random}`;
}

/** An unguessable token for links (order status, invitations, password reset): 256 bits. */
export function newSecretToken(): string {
  const at = take(32);
  return pool.toString('base64url', at, at + 32);
}
