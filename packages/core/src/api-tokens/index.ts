/** Public API of api-tokens/ (re-exported by the package entry). */
export {
  API_TOKEN_TOUCH_MS,
  type ApiTokenIdentity,
  apiTokenActor,
  authenticateApiToken,
} from './authenticate-api-token.js';
export { createApiToken, createPlatformApiToken } from './create-api-token.js';
export { listApiTokens } from './list-api-tokens.js';
export { platformTokenContext } from './platform-token-context.js';
export { revokeApiToken } from './revoke-api-token.js';
export { CreateApiTokenInput, CreatePlatformApiTokenInput } from './schemas.js';
export * from './scopes.js';
export type { ApiTokenInfo, CreatedApiToken } from './views.js';
