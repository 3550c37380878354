import { z } from 'zod';
import { PLATFORM_API_SCOPES, SHOP_API_SCOPES } from './scopes.js';

const TokenName = z
  .string()
  .trim()
  .min(1, 'give the token a name, e.g. "inventory sync"')
  .max(80, 'at most 80 characters')
  .refine((s) => !/[<>]/.test(s), 'no < or >');

function scopeList<const T extends readonly [string, ...string[]]>(scopes: T) {
  return z
    .array(z.enum(scopes, { error: `one of ${scopes.join(', ')}` }))
    .min(1, 'choose at least one scope')
    .max(scopes.length)
    .transform((list) => [...new Set(list)]);
}

/** Input of `createApiToken`: a name people recognise and the shop scopes it needs. */
export const CreateApiTokenInput = z.object({
  name: TokenName,
  scopes: scopeList(SHOP_API_SCOPES),
});
/** What `createApiToken` accepts. */
export type CreateApiTokenInput = z.input<typeof CreateApiTokenInput>;

/** Input of `createPlatformApiToken`: operator scopes only. */
export const CreatePlatformApiTokenInput = z.object({
  name: TokenName,
  scopes: scopeList(PLATFORM_API_SCOPES),
});
/** What `createPlatformApiToken` accepts. */
export type CreatePlatformApiTokenInput = z.input<typeof CreatePlatformApiTokenInput>;
