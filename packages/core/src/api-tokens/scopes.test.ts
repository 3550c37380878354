import { describe, expect, it } from 'vitest';
import { hasScope, roleForScopes } from './scopes.js';

describe('hasScope', () => {
  it.each([
    [['catalog:read'], 'catalog:read', true],
    [['catalog:write'], 'catalog:read', true],
    [['catalog:read'], 'catalog:write', false],
    [['orders:write'], 'catalog:read', false],
    [['settings:write'], 'settings:read', true],
    [['fx:write'], 'catalog:read', false],
    [['catalog:*'], 'catalog:read', false],
    [[], 'orders:read', false],
  ] as const)('%j grants %s: %s', (granted, needed, expected) => {
    expect(hasScope(granted, needed)).toBe(expected);
  });
});

describe('roleForScopes', () => {
  it.each([
    [['catalog:read'], 'staff'],
    [['catalog:write', 'orders:read'], 'staff'],
    [['orders:write'], 'owner'],
    [['settings:write'], 'owner'],
    [['settings:read'], 'staff'],
    [['unknown:scope'], 'staff'],
  ] as const)('%j acts as %s', (scopes, role) => {
    expect(roleForScopes(scopes)).toBe(role);
  });
});
