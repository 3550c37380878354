/**
 * The API token screens' UI strings in English (the source), spread into the
 * admin catalogue (`messages/en.ts`) so the same missing-key test covers them.
 */
export const apiTokensEn = {
  'apiTokens.title': 'API tokens',
  'apiTokens.platformTitle': 'Platform API tokens',
  'apiTokens.intro':
    'A token lets a program (a stock sync, an order export, a shipping tool) use this shop through the JSON API, with only the permissions you tick. Give each program its own token, and revoke one when you stop using it.',
  'apiTokens.platformIntro':
    'Platform tokens are for the operator’s own scripts, such as a daily exchange-rate update. They stop working if the operator who made them loses operator rights.',
  'apiTokens.settingsLink': 'API tokens for programs and integrations',
  'apiTokens.settingsHint': 'Let a program read or change this shop through the JSON API.',
  'apiTokens.none': 'No tokens yet.',
  'apiTokens.new': 'New token',
  'apiTokens.name': 'Name',
  'apiTokens.nameHint': 'What the token is for, e.g. “stock sync”.',
  'apiTokens.scopes': 'Permissions',
  'apiTokens.scopesHint': 'Tick only what the program needs. Write includes read.',
  'apiTokens.create': 'Create token',
  'apiTokens.prefix': 'Starts with',
  'apiTokens.created': 'Created {date}',
  'apiTokens.lastUsed': 'Last used {date}',
  'apiTokens.neverUsed': 'Never used',
  'apiTokens.revokedAt': 'Revoked {date}',
  'apiTokens.live': 'Active',
  'apiTokens.revoked': 'Revoked',
  'apiTokens.revoke': 'Revoke',
  'apiTokens.createdTitle': 'Token “{name}” created',
  'apiTokens.copyNow':
    'Copy this token now and keep it somewhere safe. It is shown only this once: Aldea keeps only a fingerprint of it.',
  'apiTokens.yourToken': 'Your new token',
  'apiTokens.copyHint':
    'Tap the box, select everything and copy it. Programs send it as: Authorization: Bearer <token>',
  'apiTokens.copied': 'I copied it: back to the tokens',
  'apiTokens.confirmTitle': 'Revoke “{name}”?',
  'apiTokens.confirmBody':
    'Programs using the token starting with {prefix} stop working at once. This cannot be undone: make a new token if you need one again.',
  'apiTokens.confirm': 'Yes, revoke it',
  'apiTokens.alreadyRevoked': 'This token was already revoked.',
  'apiTokens.flash.revoked': 'Token revoked.',
  'apiTokens.error.scopes': 'Tick at least one permission.',
  'apiTokens.error.scope': 'This permission does not exist.',
  'apiTokens.error.nameChars': 'Do not use < or > in the name.',
  'apiTokens.scope.catalog:read': 'See products, stock and prices',
  'apiTokens.scope.catalog:write': 'Change products, stock and prices',
  'apiTokens.scope.orders:read': 'See orders',
  'apiTokens.scope.orders:write': 'Ship, cancel and refund orders',
  'apiTokens.scope.settings:read': 'See the shop settings',
  'apiTokens.scope.settings:write': 'Change the shop settings',
  'apiTokens.scope.fx:write': 'Set exchange rates',
} as const;

/** Every key of the API token screens. */
export type ApiTokensMessageKey = keyof typeof apiTokensEn;
